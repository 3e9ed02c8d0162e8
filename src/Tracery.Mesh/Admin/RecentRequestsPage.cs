namespace Tracery.Mesh.Admin;

using System.Globalization;
using System.Net;
using System.Text;

/// <summary>
/// The admin <c>/requests</c> page of the <c>io.l5d.recentRequests</c> telemeter: an HTML table of the sampled
/// requests, newest first, written on the server so the page needs no script. Tools read <c>/requests.json</c>.
/// </summary>
public static class RecentRequestsPage
{
    private static readonly string[] Columns =
        ["Time (UTC)", "Router", "Source", "Method", "URI", "Logical name", "Concrete name", "Status", "Duration (ms)"];

    public static string Render(IReadOnlyList<RecentRequest> requests, int capacity, double sampleRate)
    {
        var html = new StringBuilder(1024 + (requests.Count * 400));
        html.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Recent requests</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 1.5em; }
            table { border-collapse: collapse; font-size: 0.9em; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.7em; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.error td { color: #b00020; }
            </style></head>
            <body>
            <h1>Recent requests</h1>

            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>The last {capacity} of a {sampleRate:0.###} sample of requests, newest first. ");
        html.Append("""As JSON: <a href="/requests.json">/requests.json</a>. <a href="/admin">Admin index</a>.</p>""").Append('\n');
        if (requests.Count == 0)
        {
            html.Append("<p>No requests yet.</p>\n");
        }
        else
        {
            html.Append("<table>\n<thead><tr>");
            foreach (var column in Columns)
            {
                html.Append("<th>").Append(column).Append("</th>");
            }
            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var request in requests)
            {
                Row(html, request);
            }
            html.Append("</tbody>\n</table>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static void Row(StringBuilder html, RecentRequest request)
    {
        var failed = request.StatusCode is null or >= 500;
        html.Append(failed ? "<tr class=\"error\">" : "<tr>");
        Cell(html, request.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
        Cell(html, request.Router);
        Cell(html, request.Source);
        Cell(html, request.Method);
        Cell(html, request.Uri);
        Cell(html, request.LogicalName);
        Cell(html, request.ConcreteName);
        Cell(html, request.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "aborted", numeric: true);
        Cell(html, request.DurationMs.ToString("0.###", CultureInfo.InvariantCulture), numeric: true);
        html.Append("</tr>\n");
    }

    private static void Cell(StringBuilder html, string? value, bool numeric = false) =>
        html.Append(numeric ? "<td class=\"num\">" : "<td>").Append(WebUtility.HtmlEncode(value ?? "")).Append("</td>");
}

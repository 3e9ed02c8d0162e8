namespace Tracery.Mesh.Metrics;

using System.Text;

/// <summary>
/// A metric as the <c>io.l5d.prometheus</c> telemeter names it: scope kinds joined by <c>:</c> and the scope
/// values as labels, e.g. <c>rt:server:requests</c> with <c>rt="outgoing",server="0.0.0.0/4140"</c>.
/// </summary>
public sealed record PrometheusName(string Name, string Labels)
{
    public static string Label(string key, string value) =>
        $"{key}=\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    public static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }
        return text.ToString();
    }

    public PrometheusName WithLabel(string key, string value) =>
        this with { Labels = Labels.Length == 0 ? Label(key, value) : $"{Labels},{Label(key, value)}" };
}

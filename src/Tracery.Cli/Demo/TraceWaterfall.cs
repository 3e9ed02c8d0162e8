namespace Tracery.Cli.Demo;

using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Tracery.Tracing.Model;

/// <summary>
/// A trace drawn in the terminal the way the UI draws it: one row per span in call order (children
/// under their parent), with its service, name, duration and a bar placed on the trace's timeline.
/// </summary>
internal static class TraceWaterfall
{
    public static IRenderable Render(IReadOnlyList<Span> spans, int barWidth = 40)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("service").AddColumn("span").AddColumn(new TableColumn("duration").RightAligned()).AddColumn("timeline");
        if (spans.Count == 0)
        {
            return table;
        }
        var start = spans.Min(s => s.Timestamp);
        var end = spans.Max(s => s.Timestamp + s.Duration);
        var total = Math.Max(1, end - start);
        foreach (var (span, depth) in InCallOrder(spans))
        {
            var offset = (int)((span.Timestamp - start) * barWidth / total);
            var length = Math.Clamp((int)Math.Round(span.Duration * (double)barWidth / total), 1, barWidth - offset);
            table.AddRow(
                Markup.Escape(new string(' ', 2 * depth) + (span.LocalServiceName ?? "unknown")),
                Markup.Escape($"{span.Name} ({span.Kind.ToString().ToLowerInvariant()})"),
                FormatDuration(span.Duration),
                new string(' ', offset) + "[green]" + new string('█', length) + "[/]");
        }
        return table;
    }

    /// <summary>Depth-first from the roots, children by start time; spans whose parent is missing count as roots.</summary>
    public static IEnumerable<(Span Span, int Depth)> InCallOrder(IReadOnlyList<Span> spans)
    {
        var ids = spans.Select(s => s.Id).ToHashSet();
        var children = spans.ToLookup(s => s.ParentId is { } p && ids.Contains(p) && p != s.Id ? p : "");
        return Walk("", 0);

        IEnumerable<(Span, int)> Walk(string parent, int depth)
        {
            foreach (var span in children[parent].OrderBy(s => s.Timestamp))
            {
                yield return (span, depth);
                foreach (var child in Walk(span.Id, depth + 1))
                {
                    yield return child;
                }
            }
        }
    }

    /// <summary>Microseconds as the UI shows them: 850μs, 12.345ms, 1.234s.</summary>
    public static string FormatDuration(long micros) => micros switch
    {
        < 1000 => $"{micros}μs",
        < 1_000_000 => (micros / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) + "ms",
        _ => (micros / 1_000_000.0).ToString("0.###", CultureInfo.InvariantCulture) + "s",
    };
}

namespace Tracery.Storage.Sql;

using Tracery.Tracing.Model;

/// <summary>
/// One AcceptAsync call's spans as rows for every table, each table's rows sorted by key so that
/// concurrent writers (several servers on one PostgreSQL) lock rows in the same order and never deadlock.
/// </summary>
sealed class SpanBatch
{
    /// <summary>
    /// Bytes a stored span costs beyond its JSON (row header, key index entry, its share of the per-trace
    /// tables), so the size retention counts without scanning; measured on the benchmark's spans.
    /// </summary>
    public const int RowOverheadBytes = 160;

    // Ordinal, not the culture's order, so every process sorts alike.
    static readonly OrdinalTuples Ordinal = new();

    SpanBatch(List<SpanRow> spans, List<TraceRange> traces, List<(string LowTraceId, string Term)> terms,
        List<(string Kind, string Service, string Name)> names, List<(string Key, string Value)> tags)
    {
        Spans = spans;
        Traces = traces;
        Terms = terms;
        Names = names;
        Tags = tags;
    }

    public IReadOnlyList<SpanRow> Spans { get; }

    public IReadOnlyList<TraceRange> Traces { get; }

    public IReadOnlyList<(string LowTraceId, string Term)> Terms { get; }

    public IReadOnlyList<(string Kind, string Service, string Name)> Names { get; }

    public IReadOnlyList<(string Key, string Value)> Tags { get; }

    /// <param name="indexed">False when search is off: no terms, names or tags are kept.</param>
    /// <param name="autocompleteKeys">Tag keys whose values are kept.</param>
    public static SpanBatch From(IReadOnlyList<Span> spans, bool indexed, IReadOnlySet<string> autocompleteKeys)
    {
        var rows = new List<SpanRow>(spans.Count);
        var traces = new Dictionary<string, TraceRange>(StringComparer.Ordinal);
        var terms = new HashSet<(string, string)>();
        var names = new HashSet<(string, string, string)>();
        var tags = new HashSet<(string, string)>();
        foreach (var span in spans)
        {
            var row = SpanRow.From(span);
            rows.Add(row);
            var millis = SpanRow.Millis(span);
            var size = row.Json.Length + RowOverheadBytes;
            traces[row.LowTraceId] = traces.TryGetValue(row.LowTraceId, out var range)
                ? new TraceRange(row.LowTraceId, Math.Min(range.MinMillis, millis), Math.Max(range.MaxMillis, millis), range.Bytes + size)
                : new TraceRange(row.LowTraceId, millis, millis, size);
            if (!indexed) continue;
            foreach (var term in SearchTerms.Of(span)) terms.Add((row.LowTraceId, term));
            foreach (var name in SearchTerms.Names(span)) names.Add(name);
            foreach (var tag in span.Tags)
            {
                if (autocompleteKeys.Contains(tag.Key)) tags.Add((tag.Key, tag.Value));
            }
        }
        rows.Sort((a, b) => string.CompareOrdinal(a.LowTraceId, b.LowTraceId));
        return new SpanBatch(rows, [.. traces.Values.OrderBy(t => t.LowTraceId, StringComparer.Ordinal)],
            [.. terms.OrderBy(t => t, Ordinal)], [.. names.OrderBy(n => n, Ordinal)], [.. tags.OrderBy(t => t, Ordinal)]);
    }
}

/// <summary>Orders tuples of strings field by field, ordinally.</summary>
sealed class OrdinalTuples : IComparer<(string, string)>, IComparer<(string, string, string)>
{
    public int Compare((string, string) x, (string, string) y) =>
        string.CompareOrdinal(x.Item1, y.Item1) is var c and not 0 ? c : string.CompareOrdinal(x.Item2, y.Item2);

    public int Compare((string, string, string) x, (string, string, string) y) =>
        Compare((x.Item1, x.Item2), (y.Item1, y.Item2)) is var c and not 0 ? c : string.CompareOrdinal(x.Item3, y.Item3);
}

namespace Tracery.Storage.Sql;

using System.Data.Common;
using System.Runtime.CompilerServices;
using Tracery.Storage.Query;

/// <summary>
/// The low trace ids a search must test, in the memory store's order: by their newest span inside the
/// window, newest first, then id descending; only traces that have every search term of the request.
/// Most traces end inside the window, and their newest span is <c>tracery_traces.max_ms</c>: they come
/// from its index, a page at a time. The few that have spans after the window's end but start before it
/// are ordered by their newest span inside the window, read from their spans, and merged in.
/// </summary>
sealed class SearchCandidates(DbConnection connection, QueryRequest request)
{
    const int MaxPage = 1024;

    readonly long _start = request.EndTs - request.Lookback;
    readonly long _end = request.EndTs;
    readonly IReadOnlyList<string> _terms = Terms(request);

    /// <summary>The terms a matching trace must have (SearchTerms); names constrain to the service when one is given.</summary>
    static IReadOnlyList<string> Terms(QueryRequest request)
    {
        var terms = new List<string>();
        if (request.RemoteServiceName is { } remote) terms.Add(SearchTerms.RemoteService(request.ServiceName, remote));
        if (request.SpanName is { } name) terms.Add(SearchTerms.SpanName(request.ServiceName, name));
        if (terms.Count == 0 && request.ServiceName is { } service) terms.Add(SearchTerms.Service(service));
        return terms;
    }

    public async IAsyncEnumerable<string> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var straddling = await StraddlingAsync(cancellationToken);
        var next = 0;
        var pageSize = Math.Clamp(request.Limit * 2, 16, MaxPage);
        for (var offset = 0; ; offset += pageSize, pageSize = Math.Min(MaxPage, pageSize * 4))
        {
            var page = await EndingInsideAsync(offset, pageSize, cancellationToken);
            foreach (var candidate in page)
            {
                while (next < straddling.Count && Before(straddling[next], candidate)) yield return straddling[next++].LowTraceId;
                yield return candidate.LowTraceId;
            }
            if (page.Count < pageSize) break;
        }
        while (next < straddling.Count) yield return straddling[next++].LowTraceId;
    }

    static bool Before((string LowTraceId, long Newest) a, (string LowTraceId, long Newest) b) =>
        a.Newest > b.Newest || (a.Newest == b.Newest && string.CompareOrdinal(a.LowTraceId, b.LowTraceId) > 0);

    /// <summary>Traces whose newest span lies in the window, newest first, one page.</summary>
    async Task<List<(string LowTraceId, long Newest)>> EndingInsideAsync(int offset, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(null, "");
        command.CommandText = $"""
            SELECT t.trace_low, t.max_ms FROM tracery_traces t
            WHERE t.max_ms >= @start AND t.max_ms <= @end{TermFilters(command)}
            ORDER BY t.max_ms DESC, t.trace_low DESC LIMIT {pageSize} OFFSET {offset}
            """;
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Traces with spans after the window that start inside or before it, by their newest span inside, newest first.</summary>
    async Task<List<(string LowTraceId, long Newest)>> StraddlingAsync(CancellationToken cancellationToken)
    {
        await using var command = connection.Command(null, "");
        command.CommandText = $"""
            SELECT s.trace_low, MAX(s.ts_ms) FROM tracery_spans s
            WHERE s.trace_low IN (SELECT t.trace_low FROM tracery_traces t WHERE t.max_ms > @end AND t.min_ms <= @end{TermFilters(command)})
            AND s.ts_ms >= @start AND s.ts_ms <= @end
            GROUP BY s.trace_low
            """;
        var straddling = await ReadAsync(command, cancellationToken);
        straddling.Sort((a, b) => Before(a, b) ? -1 : Before(b, a) ? 1 : 0);
        return straddling;
    }

    string TermFilters(DbCommand command)
    {
        command.Add("@start", _start);
        command.Add("@end", _end);
        var filters = "";
        for (var i = 0; i < _terms.Count; i++)
        {
            command.Add($"@term{i}", _terms[i]);
            filters += $" AND EXISTS (SELECT 1 FROM tracery_trace_terms x WHERE x.term = @term{i} AND x.trace_low = t.trace_low)";
        }
        return filters;
    }

    static async Task<List<(string, long)>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetString(0), reader.GetInt64(1)));
        return rows;
    }
}

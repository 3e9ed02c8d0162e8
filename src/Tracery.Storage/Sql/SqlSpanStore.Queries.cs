namespace Tracery.Storage.Sql;

using System.Data.Common;
using Tracery.Storage.Dependencies;
using Tracery.Storage.Query;
using Tracery.Tracing.Model;

public sealed partial class SqlSpanStore
{
    // Candidates are matched a chunk at a time: the first chunk is the limit (most searches fill it
    // there; four times it when the matcher alone checks tags or durations), later ones double up to this.
    const int MaxChunk = 256;
    const int IdsPerLoad = 500;

    public async ValueTask<IReadOnlyList<IReadOnlyList<Span>>> GetTracesAsync(QueryRequest request, CancellationToken cancellationToken = default)
    {
        request = request.Validate();
        var result = new List<IReadOnlyList<Span>>();
        if (!_options.SearchEnabled) return result;
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var chunk = new List<string>();
        // Tags and durations are checked only by the matcher, which rejects some candidates: start wider.
        var matcherOnly = request.AnnotationQuery.Count > 0 || request.MinDuration is not null;
        var chunkSize = Math.Min(MaxChunk, matcherOnly ? request.Limit * 4 : request.Limit);
        await foreach (var lowTraceId in new SearchCandidates(connection, request).ReadAsync(cancellationToken))
        {
            chunk.Add(lowTraceId);
            if (chunk.Count < chunkSize) continue;
            if (await MatchAsync(connection, request, chunk, result, cancellationToken)) return result;
            chunk.Clear();
            chunkSize = Math.Min(MaxChunk, chunkSize * 2);
        }
        await MatchAsync(connection, request, chunk, result, cancellationToken);
        return result;
    }

    /// <summary>Adds the matching traces among the candidates, in order; true once the limit is reached.</summary>
    async Task<bool> MatchAsync(DbConnection connection, QueryRequest request, List<string> candidates, List<IReadOnlyList<Span>> result, CancellationToken cancellationToken)
    {
        var traces = await LoadAsync(connection, candidates, cancellationToken);
        foreach (var lowTraceId in candidates)
        {
            // Checked between traces: a strict split of one low id can overshoot the limit, as in Zipkin.
            if (result.Count >= request.Limit) return true;
            if (traces.TryGetValue(lowTraceId, out var spans)) MatchingTraces.AddTo(result, request, spans, _options.StrictTraceId);
        }
        return result.Count >= request.Limit;
    }

    /// <summary>The spans of each low trace id, grouped by it.</summary>
    static async Task<Dictionary<string, List<Span>>> LoadAsync(DbConnection connection, IReadOnlyList<string> lowTraceIds, CancellationToken cancellationToken)
    {
        var traces = new Dictionary<string, List<Span>>(StringComparer.Ordinal);
        foreach (var chunk in lowTraceIds.Chunk(IdsPerLoad))
        {
            await using var command = connection.Command(null, "");
            command.CommandText = $"SELECT trace_low, json FROM tracery_spans WHERE trace_low IN ({command.AddList("id", chunk)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var lowTraceId = reader.GetString(0);
                if (!traces.TryGetValue(lowTraceId, out var spans)) traces.Add(lowTraceId, spans = []);
                spans.Add(SpanRow.Decode(reader.GetFieldValue<byte[]>(1)));
            }
        }
        return traces;
    }

    public async ValueTask<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default)
    {
        var id = TraceIds.Normalize(traceId);
        var lowTraceId = TraceIds.LowBits(id);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var traces = await LoadAsync(connection, [lowTraceId], cancellationToken);
        if (!traces.TryGetValue(lowTraceId, out var spans)) return [];
        return _options.StrictTraceId ? spans.Where(s => s.TraceId == id).ToList() : spans;
    }

    public async ValueTask<IReadOnlyList<IReadOnlyList<Span>>> GetTracesAsync(IEnumerable<string> traceIds, CancellationToken cancellationToken = default)
    {
        var byLowBits = traceIds.Select(TraceIds.Normalize).Distinct(StringComparer.Ordinal).GroupBy(TraceIds.LowBits, StringComparer.Ordinal).ToList();
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var traces = await LoadAsync(connection, byLowBits.Select(g => g.Key).ToList(), cancellationToken);
        var result = new List<IReadOnlyList<Span>>();
        foreach (var group in byLowBits)
        {
            if (!traces.TryGetValue(group.Key, out var spans)) continue;
            // Without strict ids the 64- and 128-bit forms name one trace, returned once.
            if (!_options.StrictTraceId)
            {
                result.Add(spans);
                continue;
            }
            foreach (var id in group)
            {
                var trace = spans.Where(s => s.TraceId == id).ToList();
                if (trace.Count > 0) result.Add(trace);
            }
        }
        return result;
    }

    public ValueTask<IReadOnlyList<string>> GetServiceNamesAsync(CancellationToken cancellationToken = default) =>
        NamesAsync("SELECT service FROM tracery_names WHERE kind = 's'", null, cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetRemoteServiceNamesAsync(string serviceName, CancellationToken cancellationToken = default) =>
        NamesAsync("SELECT name FROM tracery_names WHERE kind = 'r' AND service = @service", serviceName, cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetSpanNamesAsync(string serviceName, CancellationToken cancellationToken = default) =>
        NamesAsync("SELECT name FROM tracery_names WHERE kind = 'n' AND service = @service", serviceName, cancellationToken);

    async ValueTask<IReadOnlyList<string>> NamesAsync(string sql, string? serviceName, CancellationToken cancellationToken)
    {
        if (!_options.SearchEnabled) return [];
        if (sql.Contains("@service", StringComparison.Ordinal) && string.IsNullOrEmpty(serviceName)) return [];
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command(null, sql);
        if (serviceName is not null) command.Add("@service", serviceName.ToLowerInvariant());
        return await ReadStringsAsync(command, cancellationToken);
    }

    // Sorted here, not by the database, so every backend orders names ordinally whatever its collation.
    static async Task<IReadOnlyList<string>> ReadStringsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) names.Add(reader.GetString(0));
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public async ValueTask<IReadOnlyList<DependencyLink>> GetDependenciesAsync(long endTs, long lookback, CancellationToken cancellationToken = default)
    {
        QueryRequestValidation.ValidateWindow(endTs, lookback);
        var (start, end) = (endTs - lookback, endTs);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        // Traces whose range overlaps the window; the ones with no span inside it are dropped below.
        await using var command = connection.Command(null, "SELECT trace_low FROM tracery_traces WHERE max_ms >= @start AND min_ms <= @end");
        command.Add("@start", start);
        command.Add("@end", end);
        var ids = await ReadStringsAsync(command, cancellationToken);
        // Linking ignores the high bits of trace ids so a mixed-length trace is counted once.
        var linker = new DependencyLinker();
        foreach (var chunk in ids.Chunk(IdsPerLoad))
        {
            foreach (var trace in (await LoadAsync(connection, chunk, cancellationToken)).Values)
            {
                if (trace.Any(s => SpanRow.Millis(s) is var ms && ms >= start && ms <= end)) linker.PutTrace(trace);
            }
        }
        return linker.Link();
    }

    public ValueTask<IReadOnlyList<string>> GetAutocompleteKeysAsync(CancellationToken cancellationToken = default) =>
        new(_options.AutocompleteKeys.Order(StringComparer.Ordinal).ToList());

    public async ValueTask<IReadOnlyList<string>> GetAutocompleteValuesAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key)) throw new ArgumentException("key was empty");
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var command = connection.Command(null, "SELECT tag_value FROM tracery_autocomplete WHERE tag_key = @key");
        command.Add("@key", key);
        return await ReadStringsAsync(command, cancellationToken);
    }
}

namespace Tracery.Storage.Memory;

using Tracery.Storage.Dependencies;
using Tracery.Storage.Query;
using Tracery.Tracing.Model;

public sealed partial class MemorySpanStore
{
    static readonly IReadOnlyList<string> NoNames = [];

    public ValueTask<IReadOnlyList<IReadOnlyList<Span>>> GetTracesAsync(QueryRequest request, CancellationToken cancellationToken = default)
    {
        request = request.Validate();
        var result = new List<IReadOnlyList<Span>>();
        if (!_options.SearchEnabled) return new(result);
        lock (_gate)
        {
            SortedSet<TraceKey>? keys = _keys;
            if (request.ServiceName is not null) keys = _services.TryGetValue(request.ServiceName, out var service) ? service.Keys : null;
            if (keys is null) return new(result);

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var window = keys.GetViewBetween(TraceKey.First(request.EndTs - request.Lookback), TraceKey.Last(request.EndTs));
            foreach (var key in window.Reverse())
            {
                // Checked between traces: a strict split of one low id can overshoot the limit, as in Zipkin.
                if (result.Count >= request.Limit) break;
                if (!seen.Add(key.LowTraceId)) continue;
                var spans = _traces[key.LowTraceId].Spans.ToList();
                if (!request.Matches(spans)) continue;
                if (!_options.StrictTraceId)
                {
                    result.Add(spans);
                    continue;
                }
                // The low-id group passed as a whole; each full trace id must pass on its own.
                foreach (var strict in spans.GroupBy(s => s.TraceId, StringComparer.Ordinal))
                {
                    var trace = strict.ToList();
                    if (request.Matches(trace)) result.Add(trace);
                }
            }
        }
        return new(result);
    }

    public ValueTask<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default)
    {
        var id = TraceIds.Normalize(traceId);
        lock (_gate) return new(SpansOf(TraceIds.LowBits(id), id));
    }

    public ValueTask<IReadOnlyList<IReadOnlyList<Span>>> GetTracesAsync(IEnumerable<string> traceIds, CancellationToken cancellationToken = default)
    {
        var result = new List<IReadOnlyList<Span>>();
        var byLowBits = traceIds.Select(TraceIds.Normalize).Distinct(StringComparer.Ordinal).GroupBy(TraceIds.LowBits, StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var group in byLowBits)
            {
                // Without strict ids the 64- and 128-bit forms name one trace, returned once.
                IEnumerable<string> ids = _options.StrictTraceId ? group : [group.Key];
                foreach (var id in ids)
                {
                    var spans = SpansOf(group.Key, id);
                    if (spans.Count > 0) result.Add(spans);
                }
            }
        }
        return new(result);
    }

    IReadOnlyList<Span> SpansOf(string lowTraceId, string traceId)
    {
        if (!_traces.TryGetValue(lowTraceId, out var trace)) return [];
        return _options.StrictTraceId ? trace.Spans.Where(s => s.TraceId == traceId).ToList() : trace.Spans.ToList();
    }

    public ValueTask<IReadOnlyList<string>> GetServiceNamesAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate) return new(_services.Keys.Order(StringComparer.Ordinal).ToList());
    }

    public ValueTask<IReadOnlyList<string>> GetRemoteServiceNamesAsync(string serviceName, CancellationToken cancellationToken = default)
    {
        lock (_gate) return new(ServiceOrNull(serviceName)?.RemoteServiceNames.ToList() ?? NoNames);
    }

    public ValueTask<IReadOnlyList<string>> GetSpanNamesAsync(string serviceName, CancellationToken cancellationToken = default)
    {
        lock (_gate) return new(ServiceOrNull(serviceName)?.SpanNames.ToList() ?? NoNames);
    }

    ServiceIndex? ServiceOrNull(string serviceName) =>
        string.IsNullOrEmpty(serviceName) ? null : _services.GetValueOrDefault(serviceName.ToLowerInvariant());

    public ValueTask<IReadOnlyList<DependencyLink>> GetDependenciesAsync(long endTs, long lookback, CancellationToken cancellationToken = default)
    {
        QueryRequestValidation.ValidateWindow(endTs, lookback);
        var traces = new List<IReadOnlyList<Span>>();
        lock (_gate)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in _keys.GetViewBetween(TraceKey.First(endTs - lookback), TraceKey.Last(endTs)))
            {
                // Linking ignores the high bits of trace ids so a mixed-length trace is counted once.
                if (seen.Add(key.LowTraceId)) traces.Add(_traces[key.LowTraceId].Spans.ToList());
            }
        }
        var linker = new DependencyLinker();
        foreach (var trace in traces) linker.PutTrace(trace);
        return new(linker.Link());
    }

    public ValueTask<IReadOnlyList<string>> GetAutocompleteKeysAsync(CancellationToken cancellationToken = default) =>
        new(_options.AutocompleteKeys.Order(StringComparer.Ordinal).ToList());

    public ValueTask<IReadOnlyList<string>> GetAutocompleteValuesAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key)) throw new ArgumentException("key was empty");
        lock (_gate) return new(_autocompleteValues.TryGetValue(key, out var values) ? values.ToList() : NoNames);
    }
}

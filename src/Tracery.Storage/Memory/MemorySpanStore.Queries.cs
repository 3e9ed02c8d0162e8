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
            SortedSet<TraceKey>? index = _tracesByNewest;
            if (request.ServiceName is not null) index = _services.TryGetValue(request.ServiceName, out var service) ? service.TracesByNewest : null;
            if (index is null) return new(result);

            foreach (var key in NewestFirst(index, request.EndTs - request.Lookback, request.EndTs))
            {
                // Checked between traces: a strict split of one low id can overshoot the limit, as in Zipkin.
                if (result.Count >= request.Limit) break;
                MatchingTraces.AddTo(result, request, _traces[key.LowTraceId].Spans, _options.StrictTraceId);
            }
        }
        return new(result);
    }

    /// <summary>
    /// Traces with a span in [start, end] ms, by their newest span in that window, newest first (as
    /// Zipkin's scan of every (timestamp, trace) key orders them). Most traces end inside the window
    /// and come straight from the index; the few with spans after its end are placed by a look at
    /// their spans and merged in.
    /// </summary>
    IEnumerable<TraceKey> NewestFirst(SortedSet<TraceKey> index, long startMillis, long endMillis)
    {
        var overhanging = new List<TraceKey>();
        foreach (var key in index.GetViewBetween(TraceKey.First(endMillis + 1), TraceKey.Last(long.MaxValue)))
        {
            var trace = _traces[key.LowTraceId];
            if (trace.OldestMillis > endMillis) continue;
            var newest = trace.NewestMillisAtOrBefore(endMillis);
            if (newest >= startMillis) overhanging.Add(new TraceKey(newest, key.LowTraceId));
        }
        overhanging.Sort((x, y) => TraceKeyOrder.Instance.Compare(y, x));

        var next = 0;
        foreach (var key in index.GetViewBetween(TraceKey.First(startMillis), TraceKey.Last(endMillis)).Reverse())
        {
            while (next < overhanging.Count && TraceKeyOrder.Instance.Compare(overhanging[next], key) > 0) yield return overhanging[next++];
            yield return key;
        }
        while (next < overhanging.Count) yield return overhanging[next++];
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
            foreach (var key in _tracesByNewest.GetViewBetween(TraceKey.First(endTs - lookback), TraceKey.Last(long.MaxValue)))
            {
                // Linking ignores the high bits of trace ids so a mixed-length trace is counted once.
                var trace = _traces[key.LowTraceId];
                if (trace.HasSpanBetween(endTs - lookback, endTs)) traces.Add(trace.Spans.ToList());
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

namespace Tracery.Storage.Memory;

using Tracery.Tracing.Model;

/// <summary>
/// Zipkin's InMemoryStorage (§3.2): spans grouped by the low 64 bits of their trace id, bounded by
/// <see cref="StorageOptions.MaxSpanCount"/>, evicting whole traces oldest first. One lock guards
/// everything. Traces sit in sorted sets by their oldest span (eviction) and newest span (search,
/// overall and per service), so accepting a span is a few dictionary operations plus a sorted-set
/// update only when it widens its trace, and a search walks back from its window's end.
/// </summary>
public sealed partial class MemorySpanStore : ISpanStore
{
    readonly StorageOptions _options;
    readonly HashSet<string> _autocompleteKeys;
    readonly Lock _gate = new();
    readonly Dictionary<string, StoredTrace> _traces = new(StringComparer.Ordinal);
    readonly SortedSet<TraceKey> _tracesByOldest = new(TraceKeyOrder.Instance);
    readonly SortedSet<TraceKey> _tracesByNewest = new(TraceKeyOrder.Instance);
    readonly Dictionary<string, ServiceIndex> _services = new(StringComparer.Ordinal);
    readonly Dictionary<string, SortedSet<string>> _autocompleteValues = new(StringComparer.Ordinal);
    int _spanCount;

    public MemorySpanStore(StorageOptions? options = null)
    {
        _options = (options ?? new StorageOptions()).Validate();
        _autocompleteKeys = new HashSet<string>(_options.AutocompleteKeys, StringComparer.Ordinal);
    }

    /// <summary>Spans currently stored (duplicates counted once).</summary>
    public int SpanCount
    {
        get { lock (_gate) return _spanCount; }
    }

    public ValueTask AcceptAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0) return ValueTask.CompletedTask;
        lock (_gate)
        {
            while (_spanCount + spans.Count > _options.MaxSpanCount && _traces.Count > 0) EvictOldestTrace();
            foreach (var span in spans) Store(span);
        }
        return ValueTask.CompletedTask;
    }

    void Store(Span span)
    {
        var lowTraceId = TraceIds.LowBits(span.TraceId);
        if (!_traces.TryGetValue(lowTraceId, out var trace))
        {
            trace = new StoredTrace(lowTraceId);
            _traces.Add(lowTraceId, trace);
        }
        if (!trace.TryAdd(span)) return;
        _spanCount++;
        Place(trace, StoredTrace.Millis(span));
        if (!_options.SearchEnabled) return;
        IndexService(trace, span);
        IndexAutocomplete(span);
    }

    // Moves the trace in the sorted indexes when this span is older or newer than all before it.
    void Place(StoredTrace trace, long millis)
    {
        var isNew = trace.Spans.Count == 1;
        if (isNew || millis < trace.OldestMillis)
        {
            if (!isNew) _tracesByOldest.Remove(trace.OldestKey);
            trace.Widen(millis);
            _tracesByOldest.Add(trace.OldestKey);
        }
        if (isNew || millis > trace.NewestMillis)
        {
            if (!isNew) _tracesByNewest.Remove(trace.NewestKey);
            foreach (var name in trace.Services) _services[name].TracesByNewest.Remove(trace.NewestKey);
            trace.Widen(millis);
            _tracesByNewest.Add(trace.NewestKey);
            foreach (var name in trace.Services) _services[name].TracesByNewest.Add(trace.NewestKey);
        }
    }

    void IndexService(StoredTrace trace, Span span)
    {
        if (span.LocalServiceName is not { } serviceName) return;
        if (!_services.TryGetValue(serviceName, out var service))
        {
            service = new ServiceIndex();
            _services.Add(serviceName, service);
        }
        if (!trace.Services.Contains(serviceName))
        {
            trace.Services.Add(serviceName);
            service.TracesByNewest.Add(trace.NewestKey);
        }
        if (span.Name is { } spanName) service.SpanNames.Add(spanName);
        if (span.RemoteServiceName is { } remote) service.RemoteServiceNames.Add(remote);
    }

    void IndexAutocomplete(Span span)
    {
        if (_autocompleteKeys.Count == 0) return;
        foreach (var (key, value) in span.Tags)
        {
            if (!_autocompleteKeys.Contains(key)) continue;
            if (!_autocompleteValues.TryGetValue(key, out var values))
            {
                values = new SortedSet<string>(StringComparer.Ordinal);
                _autocompleteValues.Add(key, values);
            }
            values.Add(value);
        }
    }

    // The trace with the oldest span goes whole; spans without a timestamp count as time 0 and so
    // go first. Autocomplete values are kept, as Zipkin keeps them.
    void EvictOldestTrace()
    {
        var trace = _traces[_tracesByOldest.Min.LowTraceId];
        _tracesByOldest.Remove(trace.OldestKey);
        _tracesByNewest.Remove(trace.NewestKey);
        foreach (var name in trace.Services)
        {
            var service = _services[name];
            service.TracesByNewest.Remove(trace.NewestKey);
            if (service.TracesByNewest.Count == 0) _services.Remove(name);
        }
        _spanCount -= trace.Spans.Count;
        _traces.Remove(trace.LowTraceId);
    }
}

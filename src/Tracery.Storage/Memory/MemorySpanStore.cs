namespace Tracery.Storage.Memory;

using Tracery.Tracing.Model;

/// <summary>
/// Zipkin's InMemoryStorage (§3.2): spans grouped by the low 64 bits of their trace id, bounded by
/// <see cref="StorageOptions.MaxSpanCount"/>, evicting whole traces oldest first. One lock guards
/// everything: accepting is a few dictionary and sorted-set inserts per span, and searches walk a
/// sorted index from the window's end, so neither scans the whole store.
/// </summary>
public sealed partial class MemorySpanStore : ISpanStore
{
    readonly StorageOptions _options;
    readonly HashSet<string> _autocompleteKeys;
    readonly Lock _gate = new();
    readonly Dictionary<string, StoredTrace> _traces = new(StringComparer.Ordinal);
    readonly SortedSet<TraceKey> _keys = new(TraceKeyOrder.Instance);
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
            while (_spanCount + spans.Count > _options.MaxSpanCount && _keys.Count > 0) EvictOldestTrace();
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
        if (!trace.Spans.Add(span)) return;
        _spanCount++;
        var key = trace.KeyOf(span);
        var newKey = _keys.Add(key);
        if (!_options.SearchEnabled) return;
        IndexService(trace, span, key, newKey);
        IndexAutocomplete(span);
    }

    void IndexService(StoredTrace trace, Span span, TraceKey key, bool newKey)
    {
        var serviceName = span.LocalServiceName;
        if (serviceName is not null && !trace.Services.Contains(serviceName))
        {
            trace.Services.Add(serviceName);
            var joined = ServiceOf(serviceName);
            joined.TraceCount++;
            foreach (var stored in trace.Spans) joined.Keys.Add(trace.KeyOf(stored));
        }
        // A key already present was added to every service of this trace by an earlier span.
        if (newKey)
        {
            foreach (var name in trace.Services) _services[name].Keys.Add(key);
        }
        if (serviceName is null) return;
        var service = _services[serviceName];
        if (span.Name is { } spanName) service.SpanNames.Add(spanName);
        if (span.RemoteServiceName is { } remote) service.RemoteServiceNames.Add(remote);
    }

    ServiceIndex ServiceOf(string serviceName)
    {
        if (!_services.TryGetValue(serviceName, out var service))
        {
            service = new ServiceIndex();
            _services.Add(serviceName, service);
        }
        return service;
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

    // The oldest key's trace goes whole; spans without a timestamp have key 0 and so go first.
    // Autocomplete values are kept, as Zipkin keeps them.
    void EvictOldestTrace()
    {
        var trace = _traces[_keys.Min.LowTraceId];
        foreach (var span in trace.Spans) _keys.Remove(trace.KeyOf(span));
        foreach (var name in trace.Services)
        {
            var service = _services[name];
            if (--service.TraceCount == 0)
            {
                _services.Remove(name);
                continue;
            }
            foreach (var span in trace.Spans) service.Keys.Remove(trace.KeyOf(span));
        }
        _spanCount -= trace.Spans.Count;
        _traces.Remove(trace.LowTraceId);
    }
}

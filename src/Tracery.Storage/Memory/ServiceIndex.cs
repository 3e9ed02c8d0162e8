namespace Tracery.Storage.Memory;

/// <summary>
/// What one local service has reported: the keys of every trace it appears in (all of the trace's
/// keys, not only its own spans', so ordering matches a scan of all traces), its span names and the
/// remote services it called.
/// </summary>
sealed class ServiceIndex
{
    public SortedSet<TraceKey> Keys { get; } = new(TraceKeyOrder.Instance);

    public SortedSet<string> SpanNames { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> RemoteServiceNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Traces stored that mention this service; at zero the service is forgotten.</summary>
    public int TraceCount { get; set; }
}

namespace Tracery.Storage.Memory;

/// <summary>
/// What one local service has reported: the traces it appears in, by their newest span, its span
/// names and the remote services it called. Emptied of traces, the service is forgotten.
/// </summary>
sealed class ServiceIndex
{
    public SortedSet<TraceKey> TracesByNewest { get; } = new(TraceKeyOrder.Instance);

    public SortedSet<string> SpanNames { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> RemoteServiceNames { get; } = new(StringComparer.Ordinal);
}

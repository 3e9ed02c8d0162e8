namespace Tracery.Storage.Memory;

using Tracery.Tracing.Model;

/// <summary>The spans stored under one low trace id, and the local services that reported them.</summary>
sealed class StoredTrace(string lowTraceId)
{
    public string LowTraceId { get; } = lowTraceId;

    /// <summary>Exact duplicates collapse; enumeration keeps arrival order (no removals happen).</summary>
    public HashSet<Span> Spans { get; } = [];

    /// <summary>Few per trace, so a list beats a set.</summary>
    public List<string> Services { get; } = [];

    public TraceKey KeyOf(Span span) => new(span.Timestamp / 1000, LowTraceId);
}

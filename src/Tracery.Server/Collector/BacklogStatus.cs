namespace Tracery.Server.Collector;

/// <summary>
/// The writer's backlog at one moment, for <c>/health</c> and the metrics: spans accepted and not yet
/// stored, how long the oldest has waited, and the store error it is retrying after, if any.
/// </summary>
public sealed record BacklogStatus(long Spans, long MaxSpans, TimeSpan OldestAge, string? StoreError, TimeSpan? Retrying)
{
    /// <summary>New spans are being dropped: nothing more fits until the store catches up.</summary>
    public bool IsFull => Spans >= MaxSpans;
}

namespace Tracery.Mesh.Telemetry;

/// <summary>What a reporter did with the spans handed to it, for the admin metrics. Thread-safe.</summary>
public sealed class SpanReporterCounters
{
    private long queued;
    private long dropped;
    private long sent;
    private long failed;

    /// <summary>Spans taken into the queue.</summary>
    public long Queued => Interlocked.Read(ref queued);

    /// <summary>Spans refused because the queue was full (the collector is slow or down).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Spans the collector accepted.</summary>
    public long Sent => Interlocked.Read(ref sent);

    /// <summary>Spans lost in batches the collector did not take (unreachable, error, timeout).</summary>
    public long Failed => Interlocked.Read(ref failed);

    internal void AddQueued() => Interlocked.Increment(ref queued);

    internal void AddDropped() => Interlocked.Increment(ref dropped);

    internal void AddSent(int count) => Interlocked.Add(ref sent, count);

    internal void AddFailed(int count) => Interlocked.Add(ref failed, count);
}

namespace Tracery.Server.Collector;

/// <summary>
/// Immutable settings of the <see cref="SpanWriter"/>: how often queued spans reach the store, how many
/// may wait for it, and how it retries a store that cannot be reached.
/// </summary>
public sealed record SpanWriterOptions
{
    /// <summary>
    /// A span that got 202 is committed within this interval while the store keeps up: the writer gathers
    /// a batch for at most half of it and leaves the other half for the write. This bounds what a crash loses.
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A batch is written as soon as it holds this many spans, before the interval is up.</summary>
    public int MaxBatchSpans { get; init; } = 1000;

    /// <summary>Spans accepted but not yet stored; past this, new spans are dropped (reason backlog_full).</summary>
    public int MaxBacklogSpans { get; init; } = 100_000;

    /// <summary>The first wait after a transient store failure; each failure doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan MinRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a shutdown waits for the backlog to be stored before it gives up, logs and drops the rest.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public SpanWriterOptions Validate()
    {
        Require(FlushInterval > TimeSpan.Zero, $"flush interval must be positive, not {FlushInterval}");
        Require(MaxBatchSpans > 0, $"max batch spans must be positive, not {MaxBatchSpans}");
        Require(MaxBacklogSpans > 0, $"max backlog spans must be positive, not {MaxBacklogSpans}");
        Require(MinRetryDelay > TimeSpan.Zero && MinRetryDelay <= MaxRetryDelay, $"retry delays must be positive with the minimum ({MinRetryDelay}) at most the maximum ({MaxRetryDelay})");
        Require(DrainTimeout >= TimeSpan.Zero, $"drain timeout must not be negative, not {DrainTimeout}");
        return this;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}

namespace Tracery.Server.Collector;

/// <summary>Counters of the span writer: spans stored, store attempts retried, and spans dropped per reason.</summary>
public sealed class WriterCounters
{
    private readonly long[] dropped = new long[Enum.GetValues<SpanDropReason>().Length];
    private long written, retries;

    public long SpansWritten => Interlocked.Read(ref written);

    public long WriteRetries => Interlocked.Read(ref retries);

    public long SpansDropped(SpanDropReason reason) => Interlocked.Read(ref dropped[(int)reason]);

    public void AddWritten(int count) => Interlocked.Add(ref written, count);

    public void AddRetry() => Interlocked.Increment(ref retries);

    public void AddDropped(SpanDropReason reason, int count) => Interlocked.Add(ref dropped[(int)reason], count);

    /// <summary>The reason as metrics and health name it: snake case, as Zipkin's meter names.</summary>
    public static string Label(SpanDropReason reason) => reason switch
    {
        SpanDropReason.BacklogFull => "backlog_full",
        SpanDropReason.StoreRejected => "store_rejected",
        _ => "shutdown",
    };
}

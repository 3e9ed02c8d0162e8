namespace Tracery.Storage.Memory;

/// <summary>
/// One (span timestamp in ms, low trace id) pair, Zipkin's in-memory index key: a trace has one per
/// distinct millisecond of its spans. Ordered by time, then id, so the set's minimum is the oldest
/// trace (evicted first) and a reverse walk of a window gives traces newest first.
/// </summary>
readonly record struct TraceKey(long TimestampMillis, string LowTraceId)
{
    // Trace ids are lower-hex, so "" sorts before and "~" after every id of the same millisecond.
    public static TraceKey First(long millis) => new(millis, "");

    public static TraceKey Last(long millis) => new(millis, "~");
}

sealed class TraceKeyOrder : IComparer<TraceKey>
{
    public static readonly TraceKeyOrder Instance = new();

    public int Compare(TraceKey x, TraceKey y)
    {
        var byTime = x.TimestampMillis.CompareTo(y.TimestampMillis);
        return byTime != 0 ? byTime : string.CompareOrdinal(x.LowTraceId, y.LowTraceId);
    }
}

namespace Tracery.Storage.Memory;

/// <summary>
/// (span timestamp in ms, low trace id): a trace's place in a sorted index, by its oldest span (for
/// eviction) or its newest span (for searches, newest first). Ties are broken by trace id.
/// </summary>
readonly record struct TraceKey(long Millis, string LowTraceId)
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
        var byTime = x.Millis.CompareTo(y.Millis);
        return byTime != 0 ? byTime : string.CompareOrdinal(x.LowTraceId, y.LowTraceId);
    }
}

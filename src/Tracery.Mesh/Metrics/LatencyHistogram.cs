namespace Tracery.Mesh.Metrics;

using HdrHistogram;

/// <summary>
/// Latencies in milliseconds over one-minute windows, as Finagle's latched histograms report them: values go
/// into the current window, <see cref="Snapshot"/> shows the last completed one, and <see cref="Roll"/> (called
/// by the registry at each minute) ends a window. Kept in microseconds so sub-millisecond hops stay visible.
/// </summary>
public sealed class LatencyHistogram
{
    private const long MaxMicros = 3_600_000_000; // one hour; longer values are clamped

    // A recorder hands over its interval histogram atomically: recording never waits and no value is lost.
    private readonly Recorder _current = new(1, MaxMicros, 2, (id, low, high, digits) => new LongHistogram(id, low, high, digits));
    private HistogramBase? _recycled;
    private volatile HistogramSnapshot _window = HistogramSnapshot.Empty;

    public void Record(TimeSpan elapsed)
    {
        var micros = Math.Clamp((long)elapsed.TotalMicroseconds, 1, MaxMicros);
        _current.RecordValue(micros);
    }

    /// <summary>The last completed window (empty until the first one ends).</summary>
    public HistogramSnapshot Snapshot() => _window;

    /// <summary>Ends the current window: it becomes the snapshot and recording starts afresh. Not for concurrent use.</summary>
    public void Roll()
    {
        var interval = _current.GetIntervalHistogram(_recycled);
        _window = Summarize(interval);
        _recycled = interval;
    }

    private static HistogramSnapshot Summarize(HistogramBase histogram)
    {
        var count = histogram.TotalCount;
        if (count == 0)
        {
            return HistogramSnapshot.Empty;
        }
        static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
        double At(double percentile) => Ms(histogram.GetValueAtPercentile(percentile));
        return new HistogramSnapshot(
            count,
            At(0),
            Ms(histogram.GetMaxValue()),
            Math.Round(histogram.GetMean() / 1000.0, 3),
            At(50), At(90), At(95), At(99), At(99.9), At(99.99));
    }
}

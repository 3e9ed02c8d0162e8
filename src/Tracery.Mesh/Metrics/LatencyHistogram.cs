namespace Tracery.Mesh.Metrics;

using HdrHistogram;

/// <summary>
/// Latencies in milliseconds, kept in microseconds so sub-millisecond hops stay visible. Linkerd reports
/// integer milliseconds; fractional values carry the same fields with more resolution.
/// </summary>
public sealed class LatencyHistogram
{
    private const long MaxMicros = 3_600_000_000; // one hour; longer values are clamped
    private readonly LongConcurrentHistogram _micros = new(1, MaxMicros, 2);

    public void Record(TimeSpan elapsed)
    {
        var micros = Math.Clamp((long)elapsed.TotalMicroseconds, 1, MaxMicros);
        _micros.RecordValue(micros);
    }

    public HistogramSnapshot Snapshot()
    {
        var copy = _micros.Copy();
        var count = copy.TotalCount;
        double Ms(long micros) => Math.Round(micros / 1000.0, 3);
        double At(double percentile) => count == 0 ? 0 : Ms(copy.GetValueAtPercentile(percentile));
        return new HistogramSnapshot(
            count,
            count == 0 ? 0 : Ms(copy.GetValueAtPercentile(0)),
            count == 0 ? 0 : Ms(copy.GetMaxValue()),
            count == 0 ? 0 : Math.Round(copy.GetMean() / 1000.0, 3),
            At(50), At(90), At(95), At(99), At(99.9), At(99.99));
    }
}

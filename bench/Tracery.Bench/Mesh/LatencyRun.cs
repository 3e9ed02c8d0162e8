namespace Tracery.Bench.Mesh;

using HdrHistogram;

/// <summary>What one fixed-rate run measured: latencies in microseconds from each request's intended send time.</summary>
internal sealed record LatencyRun(string Target, LongHistogram Micros, long Errors, double AchievedRate)
{
    public double Ms(double percentile) => Micros.GetValueAtPercentile(percentile) / 1000.0;

    public double MaxMs => Micros.GetMaxValue() / 1000.0;
}

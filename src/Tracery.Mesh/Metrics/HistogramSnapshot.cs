namespace Tracery.Mesh.Metrics;

/// <summary>The fields Finagle publishes for a histogram (<c>.count .min .max .avg .p50 …</c>), in milliseconds.</summary>
public sealed record HistogramSnapshot(
    long Count, double Min, double Max, double Avg, double P50, double P90, double P95, double P99, double P9990, double P9999)
{
    public static readonly HistogramSnapshot Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double Sum => Math.Round(Avg * Count, 3);

    /// <summary>Field suffixes and values in Linkerd's order.</summary>
    public IEnumerable<(string Suffix, double Value)> Fields()
    {
        yield return ("count", Count);
        yield return ("max", Max);
        yield return ("min", Min);
        yield return ("p50", P50);
        yield return ("p90", P90);
        yield return ("p95", P95);
        yield return ("p99", P99);
        yield return ("p9990", P9990);
        yield return ("p9999", P9999);
        yield return ("sum", Sum);
        yield return ("avg", Avg);
    }
}

namespace Tracery.Bench.Storage;

/// <summary>Latency summary of a set of timings, in milliseconds.</summary>
readonly record struct Percentiles(double P50, double P99, double Max)
{
    public static Percentiles Of(List<double> millis)
    {
        var sorted = millis.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.99), sorted[^1]);
    }

    public override string ToString() => $"{P50:F3} | {P99:F3} | {Max:F3}";
}

namespace Tracery.Mesh.Balancing;

/// <summary>
/// Power of two choices: draw two endpoints at random and take the one with the lower load, where load is
/// given by <paramref name="load"/> and divided by weight. With <see cref="LeastLoaded"/> this is Linkerd's
/// default <c>p2c</c>; with <see cref="PeakEwmaCost"/> its <c>ewma</c>.
/// </summary>
public sealed class PowerOfTwoChoicesBalancer(Func<UpstreamEndpoint, double> load, Func<int, int>? random = null) : ILoadBalancer
{
    private readonly Func<int, int> _random = random ?? Random.Shared.Next;

    public static PowerOfTwoChoicesBalancer LeastLoaded() => new(e => e.Outstanding);

    /// <summary>Latency cost times queue depth, as in Finagle: a slow endpoint with no queue still loses to a fast one.</summary>
    public static PowerOfTwoChoicesBalancer PeakEwmaCost(TimeProvider time) =>
        new(e => (e.Latency.CostMs(PeakEwma.Now(time)) + 1) * (e.Outstanding + 1));

    public UpstreamEndpoint Pick(IReadOnlyList<UpstreamEndpoint> candidates)
    {
        if (candidates.Count == 1)
        {
            return candidates[0];
        }
        var a = _random(candidates.Count);
        var b = _random(candidates.Count - 1);
        if (b >= a)
        {
            b++;
        }
        var first = candidates[a];
        var second = candidates[b];
        return load(first) / first.Weight <= load(second) / second.Weight ? first : second;
    }
}

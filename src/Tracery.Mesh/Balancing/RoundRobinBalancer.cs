namespace Tracery.Mesh.Balancing;

/// <summary>
/// Smooth weighted round robin (nginx's algorithm): each pick adds every endpoint's weight to its running score,
/// takes the highest and subtracts the total. Weights 2:1 give a, b, a, a, b, a rather than bursts.
/// </summary>
public sealed class RoundRobinBalancer : ILoadBalancer
{
    private readonly Lock _lock = new();
    private readonly Dictionary<UpstreamEndpoint, double> _scores = new(ReferenceEqualityComparer.Instance);

    public UpstreamEndpoint Pick(IReadOnlyList<UpstreamEndpoint> candidates)
    {
        lock (_lock)
        {
            if (_scores.Count > candidates.Count * 4)
            {
                _scores.Clear(); // forget endpoints that left the address set
            }
            UpstreamEndpoint? best = null;
            double bestScore = double.MinValue, total = 0;
            foreach (var endpoint in candidates)
            {
                var score = _scores.GetValueOrDefault(endpoint) + endpoint.Weight;
                _scores[endpoint] = score;
                total += endpoint.Weight;
                if (score > bestScore)
                {
                    (best, bestScore) = (endpoint, score);
                }
            }
            _scores[best!] = bestScore - total;
            return best!;
        }
    }
}

namespace Tracery.Mesh.Balancing;

/// <summary>Picks the endpoint for the next attempt among the candidates (never empty).</summary>
public interface ILoadBalancer
{
    UpstreamEndpoint Pick(IReadOnlyList<UpstreamEndpoint> candidates);
}

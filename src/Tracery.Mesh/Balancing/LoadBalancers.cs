namespace Tracery.Mesh.Balancing;

/// <summary>Balancers by their Linkerd <c>loadBalancer.kind</c>.</summary>
public static class LoadBalancers
{
    public const string DefaultKind = "p2c";

    public static readonly IReadOnlyList<string> Kinds = ["p2c", "ewma", "roundRobin", "heap", "aperture"];

    /// <summary>
    /// A new balancer. <c>heap</c> and <c>aperture</c> are served by least-loaded p2c: both pick the least loaded
    /// endpoint, and aperture's subsetting only pays off with far more endpoints than a node-local mesh has.
    /// </summary>
    public static ILoadBalancer Create(string kind, TimeProvider time) => kind switch
    {
        "p2c" or "heap" or "aperture" => PowerOfTwoChoicesBalancer.LeastLoaded(),
        "ewma" => PowerOfTwoChoicesBalancer.PeakEwmaCost(time),
        "roundRobin" => new RoundRobinBalancer(),
        _ => throw new ArgumentException($"unknown loadBalancer kind '{kind}'; expected one of {string.Join(", ", Kinds)}", nameof(kind)),
    };
}

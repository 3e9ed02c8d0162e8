namespace Tracery.Mesh.Balancing;

using Tracery.Mesh.Classification;
using Tracery.Mesh.Transport;

/// <summary>
/// The runtime form of a router's <c>client</c> block for one bound id: load balancer kind, failure accrual
/// (<see cref="ConsecutiveFailures"/> of 0 turns it off) and the per-attempt timeout (null: none).
/// </summary>
public sealed record ClientPolicy(
    string LoadBalancer,
    int ConsecutiveFailures,
    IBackoff AccrualBackoff,
    TimeSpan? RequestAttemptTimeout,
    TimeSpan EwmaDecay)
{
    public static readonly ClientPolicy Default = new(
        LoadBalancers.DefaultKind,
        5,
        new JitteredBackoff(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(300)),
        null,
        TimeSpan.FromSeconds(10));

    /// <summary>Connection pool and session limits; <see cref="UpstreamTransport.Default"/> shares the process-wide pool.</summary>
    public UpstreamTransport Transport { get; init; } = UpstreamTransport.Default;

    public IFailureAccrual NewAccrual() =>
        ConsecutiveFailures > 0 ? new ConsecutiveFailuresAccrual(ConsecutiveFailures, AccrualBackoff) : NoFailureAccrual.Instance;
}

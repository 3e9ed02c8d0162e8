namespace Tracery.Mesh.Balancing;

using Tracery.Mesh.Classification;
using Tracery.Mesh.Transport;

/// <summary>
/// The runtime form of a router's <c>client</c> block for one bound id: load balancer kind, failure accrual
/// (<see cref="SuccessRate"/> when set, else <see cref="ConsecutiveFailures"/>, where 0 turns it off) and the
/// per-attempt timeout (null: none).
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

    /// <summary><c>io.l5d.successRate</c> or <c>io.l5d.successRateWindowed</c>; null uses <see cref="ConsecutiveFailures"/>.</summary>
    public SuccessRatePolicy? SuccessRate { get; init; }

    /// <summary>A new endpoint's accrual; <paramref name="now"/> starts a time window.</summary>
    public IFailureAccrual NewAccrual(DateTimeOffset now) => SuccessRate switch
    {
        { Window: TimeSpan window } rate => new SuccessRateWindowedAccrual(rate.SuccessRate, window, AccrualBackoff, now),
        { Requests: int requests } rate => new SuccessRateAccrual(rate.SuccessRate, requests, AccrualBackoff),
        _ when ConsecutiveFailures > 0 => new ConsecutiveFailuresAccrual(ConsecutiveFailures, AccrualBackoff),
        _ => NoFailureAccrual.Instance,
    };
}

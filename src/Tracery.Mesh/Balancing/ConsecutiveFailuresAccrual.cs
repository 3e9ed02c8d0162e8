namespace Tracery.Mesh.Balancing;

using Tracery.Mesh.Classification;

/// <summary>
/// <c>io.l5d.consecutiveFailures</c>: after <c>failures</c> failures in a row the endpoint is dead for a backoff
/// (jittered 5 s to 300 s by default, growing with each relapse), then probed (<see cref="ProbingAccrual"/>).
/// </summary>
public sealed class ConsecutiveFailuresAccrual(int failures, IBackoff backoff) : ProbingAccrual(backoff)
{
    private int _consecutive;

    protected override void Succeeded(DateTimeOffset now) => _consecutive = 0;

    protected override bool FailedShouldMarkDead(DateTimeOffset now) => ++_consecutive >= failures;

    protected override void Revived(DateTimeOffset now) => _consecutive = 0;
}

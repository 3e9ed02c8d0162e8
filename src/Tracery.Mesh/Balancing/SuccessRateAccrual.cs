namespace Tracery.Mesh.Balancing;

using Tracery.Mesh.Classification;

/// <summary>
/// <c>io.l5d.successRate</c>: the moving-average success rate over the last <paramref name="requests"/> requests
/// (<see cref="SuccessRateEma"/>); a failure that takes it below <paramref name="successRate"/> marks the endpoint
/// dead, once at least that many requests have been seen since it was (re)started.
/// </summary>
public sealed class SuccessRateAccrual(double successRate, int requests, IBackoff backoff) : ProbingAccrual(backoff)
{
    private readonly SuccessRateEma _rate = new(requests);
    private long _seen;

    public double Rate => _rate.Last;

    protected override void Succeeded(DateTimeOffset now) => _rate.Update(++_seen, 1);

    protected override bool FailedShouldMarkDead(DateTimeOffset now)
    {
        var rate = _rate.Update(++_seen, 0);
        return _seen >= requests && rate < successRate;
    }

    protected override void Revived(DateTimeOffset now)
    {
        _seen = 0;
        _rate.Reset();
    }
}

namespace Tracery.Mesh.Balancing;

using Tracery.Mesh.Classification;

/// <summary>
/// <c>io.l5d.successRateWindowed</c>: the moving-average success rate over a time <paramref name="window"/>
/// (<see cref="SuccessRateEma"/> stamped in milliseconds). A failure that takes it below
/// <paramref name="successRate"/> marks the endpoint dead, once a whole window has passed since it was
/// (re)started and at least <see cref="MinRequests"/> requests came in the last window (Finagle's defaults).
/// </summary>
public sealed class SuccessRateWindowedAccrual(double successRate, TimeSpan window, IBackoff backoff, DateTimeOffset start) : ProbingAccrual(backoff)
{
    /// <summary>Finagle's <c>DefaultMinimumRequestThreshold</c>.</summary>
    public const int MinRequests = 5;

    private readonly long _windowMs = (long)window.TotalMilliseconds;
    private readonly SuccessRateEma _rate = new((long)window.TotalMilliseconds);
    private readonly WindowedCount _recent = new(window);
    private DateTimeOffset _start = start;

    public double Rate => _rate.Last;

    protected override void Succeeded(DateTimeOffset now)
    {
        _recent.Add(now);
        _rate.Update(Stamp(now), 1);
    }

    protected override bool FailedShouldMarkDead(DateTimeOffset now)
    {
        _recent.Add(now);
        var stamp = Stamp(now);
        var rate = _rate.Update(stamp, 0);
        return stamp >= _windowMs && rate < successRate && _recent.Sum(now) >= MinRequests;
    }

    protected override void Revived(DateTimeOffset now)
    {
        _start = now;
        _rate.Reset();
        _recent.Reset();
    }

    private long Stamp(DateTimeOffset now) => (long)(now - _start).TotalMilliseconds;
}

namespace Tracery.Mesh.Balancing;

/// <summary>
/// Finagle's <c>Ema</c>: an exponentially weighted moving average over a window of stamps (requests or
/// milliseconds). A sample <c>d</c> stamps after the previous one keeps <c>e^(-d/window)</c> of the old average,
/// so recent outcomes count most. Not thread-safe; the accrual that owns it locks.
/// </summary>
public sealed class SuccessRateEma(long window)
{
    private bool _started;
    private long _stamp;

    public double Last { get; private set; }

    public double Update(long stamp, double value)
    {
        if (!_started)
        {
            (_started, _stamp, Last) = (true, stamp, value);
            return value;
        }
        var weight = window == 0 ? 0 : Math.Exp(-(double)(stamp - _stamp) / window);
        _stamp = stamp;
        Last = (value * (1 - weight)) + (Last * weight);
        return Last;
    }

    public void Reset() => (_started, _stamp, Last) = (false, 0, 0);
}

namespace Tracery.Mesh.Balancing;

/// <summary>
/// Peak-sensitive moving average of round-trip time (Finagle's <c>PeakEwma</c>): a slower sample replaces the
/// average at once, faster samples pull it down with decay time <c>decayTimeMs</c>. Reacting to peaks at once
/// is what steers traffic away from an endpoint that starts stalling.
/// </summary>
public sealed class PeakEwma(TimeSpan decay)
{
    private readonly Lock _lock = new();
    private double _costMs;
    private long _lastTicks;

    /// <summary>Monotonic time in ticks, the clock this average runs on.</summary>
    public static long Now(TimeProvider time) => (long)(time.GetTimestamp() * ((double)TimeSpan.TicksPerSecond / time.TimestampFrequency));

    public double CostMs(long nowTicks)
    {
        lock (_lock)
        {
            return Decayed(nowTicks);
        }
    }

    public void Observe(TimeSpan rtt, long nowTicks)
    {
        lock (_lock)
        {
            var current = _costMs;
            var sample = rtt.TotalMilliseconds;
            _costMs = sample > current ? sample : current + ((sample - current) * (1 - Weight(nowTicks)));
            _lastTicks = nowTicks;
        }
    }

    private double Decayed(long nowTicks) => _costMs * Weight(nowTicks);

    private double Weight(long nowTicks)
    {
        var elapsed = TimeSpan.FromTicks(Math.Max(0, nowTicks - _lastTicks));
        return Math.Exp(-elapsed.TotalMilliseconds / Math.Max(1, decay.TotalMilliseconds));
    }
}

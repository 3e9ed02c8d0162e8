namespace Tracery.Mesh.Tests.Support;

/// <summary>
/// A clock that moves only when read: every reading is one step later than the last. Times taken with it count
/// the readings between two events, so a test can tell "right after" from "after some more work" without timing
/// anything. Timers still run on real time.
/// </summary>
public sealed class StepClock(TimeSpan step) : TimeProvider
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);

    public override DateTimeOffset GetUtcNow() => Origin.AddTicks(GetTimestamp());
}

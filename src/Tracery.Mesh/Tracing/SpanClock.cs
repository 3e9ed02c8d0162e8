namespace Tracery.Mesh.Tracing;

/// <summary>
/// Span times from a <see cref="TimeProvider"/>: wall-clock start in epoch microseconds, and durations from the
/// monotonic timestamp so that a clock step during a request cannot make a negative duration.
/// </summary>
internal readonly struct SpanClock(TimeProvider time)
{
    public TimeProvider Time => time;

    public long EpochMicros() => (time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public long Timestamp() => time.GetTimestamp();

    /// <summary>Microseconds since <paramref name="startTimestamp"/>, at least 1 (Zipkin treats 0 as absent).</summary>
    public long MicrosSince(long startTimestamp) =>
        Math.Max(1, (long)time.GetElapsedTime(startTimestamp).TotalMicroseconds);
}

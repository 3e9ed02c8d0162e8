namespace Tracery.Tracing.Context;

/// <summary>
/// Linkerd's deterministic sampler (<c>router/core/.../Sampler.scala</c>): a trace is kept when
/// <c>abs(traceId ^ salt) % 10000 &lt; rate * 10000</c>. The salt is random per process, so every hop of a
/// trace through one process decides alike while different processes decide independently.
/// </summary>
public sealed class TraceSampler(long salt)
{
    public TraceSampler()
        : this(Random.Shared.NextInt64(long.MinValue, long.MaxValue))
    {
    }

    public bool IsSampled(ulong traceId, double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        if (rate >= 1)
        {
            return true;
        }

        var mixed = (long)traceId ^ salt;
        // Math.Abs(long.MinValue) overflows; Scala's math.abs returns it unchanged, whose remainder is negative and always sampled.
        var bucket = mixed == long.MinValue ? long.MinValue % 10000 : Math.Abs(mixed) % 10000;
        return bucket < rate * 10000;
    }
}

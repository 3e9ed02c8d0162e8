namespace Tracery.Tracing.Context;

/// <summary>Conversions between <see cref="TraceFlags"/> and a context's sampling state.</summary>
public static class TraceFlagsOf
{
    /// <summary>Finagle's serialization: <c>SamplingKnown|Sampled</c> when sampled, <c>SamplingKnown</c> when not.</summary>
    public static TraceFlags Context(in TraceContext context)
    {
        var flags = context.Debug ? TraceFlags.Debug : TraceFlags.None;
        return context.Sampled switch
        {
            true => flags | TraceFlags.SamplingKnown | TraceFlags.Sampled,
            false => flags | TraceFlags.SamplingKnown,
            null => flags,
        };
    }

    /// <summary>The sampling decision the flags carry: null unless <see cref="TraceFlags.SamplingKnown"/> is set.</summary>
    public static bool? Sampled(this TraceFlags flags) =>
        flags.HasFlag(TraceFlags.SamplingKnown) ? flags.HasFlag(TraceFlags.Sampled) : null;
}

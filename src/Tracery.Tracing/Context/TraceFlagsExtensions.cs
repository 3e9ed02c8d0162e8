namespace Tracery.Tracing.Context;

/// <summary>Reading a sampling decision out of <see cref="TraceFlags"/>.</summary>
public static class TraceFlagsExtensions
{
    /// <summary>The sampling decision the flags carry: null unless <see cref="TraceFlags.SamplingKnown"/> is set.</summary>
    public static bool? Sampled(this TraceFlags flags) =>
        flags.HasFlag(TraceFlags.SamplingKnown) ? flags.HasFlag(TraceFlags.Sampled) : null;
}

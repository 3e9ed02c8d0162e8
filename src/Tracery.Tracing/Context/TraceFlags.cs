namespace Tracery.Tracing.Context;

/// <summary>Finagle's trace flags, as carried in <c>l5d-ctx-trace</c> and <c>x-b3-flags</c>.</summary>
[Flags]
public enum TraceFlags : long
{
    None = 0,
    Debug = 1,
    SamplingKnown = 2,
    Sampled = 4,
}

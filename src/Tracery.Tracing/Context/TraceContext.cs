namespace Tracery.Tracing.Context;

/// <summary>
/// The trace identity carried between hops (Finagle's <c>TraceId</c>): a 64-bit trace id with optional high
/// bits for 128-bit ids, the span id, the parent span id and the sampling decision. A <see cref="SpanId"/> of 0
/// means the carrier held only a sampling decision (for example <c>b3: 0</c>), so the receiver starts a new root.
/// </summary>
/// <param name="TraceIdHigh">The upper 64 bits of a 128-bit trace id, or 0 for a 64-bit id.</param>
/// <param name="ParentId">The parent span id, or 0 for a root span.</param>
/// <param name="Sampled">The sampling decision, or null when not yet made.</param>
public readonly record struct TraceContext(
    ulong TraceIdHigh, ulong TraceId, ulong SpanId, ulong ParentId, bool? Sampled, bool Debug)
{
    /// <summary>True when the context names a span; false for a carrier of a sampling decision alone.</summary>
    public bool HasIds => SpanId != 0 && TraceId != 0;

    public bool Is128Bit => TraceIdHigh != 0;

    /// <summary>The trace id as 16 or 32 lower-hex characters, as Zipkin writes it.</summary>
    public string TraceIdHex => Is128Bit ? HexId.Format(TraceIdHigh, TraceId) : HexId.Format(TraceId);

    public string SpanIdHex => HexId.Format(SpanId);

    /// <summary>Debug forces sampling (Finagle's <c>Flags.Debug</c>).</summary>
    public bool IsSampled => Debug || Sampled == true;

    /// <summary>Finagle's serialized flags: <c>SamplingKnown|Sampled</c> when sampled, <c>SamplingKnown</c> when not, plus <c>Debug</c>.</summary>
    public TraceFlags Flags =>
        (Debug ? TraceFlags.Debug : TraceFlags.None) | Sampled switch
        {
            true => TraceFlags.SamplingKnown | TraceFlags.Sampled,
            false => TraceFlags.SamplingKnown,
            null => TraceFlags.None,
        };

    /// <summary>A child span of this one: same trace and decision, a new span id, this span as the parent.</summary>
    public TraceContext Child(ulong spanId) => this with { SpanId = spanId, ParentId = SpanId };
}

namespace Tracery.Storage;

using Tracery.Tracing.Model;

/// <summary>Trace id arithmetic shared by the backends: ids are lower-hex, 16 or 32 characters.</summary>
public static class TraceIds
{
    /// <summary>The right-most 16 characters: the low 64 bits every backend groups by (§3.2).</summary>
    public static string LowBits(string traceId) => traceId.Length > 16 ? traceId[^16..] : traceId;

    /// <summary>
    /// Zipkin's <c>Span.normalizeTraceId</c> after trimming: left-padded to 16 or 32 characters, and a
    /// 32-character id whose high half is zero becomes its low half. A malformed id throws
    /// <see cref="ArgumentException"/> with Zipkin's message.
    /// </summary>
    public static string Normalize(string traceId) => SpanIds.NormalizeTraceId(traceId.Trim());
}

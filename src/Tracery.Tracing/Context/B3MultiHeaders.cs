namespace Tracery.Tracing.Context;

using System.Globalization;

/// <summary>
/// The multi-header form of B3 (<c>X-B3-TraceId</c>, <c>X-B3-SpanId</c>, <c>X-B3-ParentSpanId</c>,
/// <c>X-B3-Sampled</c>, <c>X-B3-Flags</c>), read as Linkerd's <c>ZipkinTracePropagator</c> reads it except that
/// 128-bit trace ids keep their high bits.
/// </summary>
public static class B3MultiHeaders
{
    public const string TraceId = "x-b3-traceid";
    public const string SpanId = "x-b3-spanid";
    public const string ParentSpanId = "x-b3-parentspanid";
    public const string Sampled = "x-b3-sampled";
    public const string Flags = "x-b3-flags";

    /// <summary>
    /// Parses the header values (null when absent). Without a valid trace and span id the result carries only the
    /// sampling decision (its <see cref="TraceContext.HasIds"/> is false); an unparseable parent id is dropped.
    /// Returns false only when nothing usable is present.
    /// </summary>
    public static bool TryParse(
        string? traceId, string? spanId, string? parentSpanId, string? sampled, string? flags, out TraceContext context)
    {
        var debug = flags is not null && long.TryParse(flags, NumberStyles.Integer, CultureInfo.InvariantCulture, out var f)
            && ((TraceFlags)f).HasFlag(TraceFlags.Debug);
        var decision = ParseSampled(sampled) ?? (debug ? true : null);
        if (traceId is not null && spanId is not null
            && HexId.TryParseTraceId(traceId, out var high, out var low) && low != 0
            && HexId.TryParse(spanId, out var span) && span != 0)
        {
            var parent = parentSpanId is not null && HexId.TryParse(parentSpanId, out var p) ? p : 0;
            context = new TraceContext(high, low, span, parent, decision, debug);
            return true;
        }

        context = new TraceContext(0, 0, 0, 0, decision, debug);
        return decision is not null;
    }

    /// <summary>The <c>X-B3-Sampled</c> value as Linkerd writes it: <c>1</c> when sampled, else <c>0</c>.</summary>
    public static string FormatSampled(in TraceContext context) => context.IsSampled ? "1" : "0";

    /// <summary>The <c>X-B3-Flags</c> value as Linkerd writes it: Finagle's flags as a decimal long.</summary>
    public static string FormatFlags(in TraceContext context) =>
        ((long)context.Flags).ToString(CultureInfo.InvariantCulture);

    private static bool? ParseSampled(string? value) => value?.Trim() switch
    {
        "1" => true,
        "0" => false,
        { } text when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        { } text when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };
}

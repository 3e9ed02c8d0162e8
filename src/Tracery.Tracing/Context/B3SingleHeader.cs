namespace Tracery.Tracing.Context;

/// <summary>
/// The single <c>b3</c> header of B3 propagation: <c>{traceId}-{spanId}[-{sampling}[-{parentSpanId}]]</c>, or a
/// sampling state alone (<c>0</c>, <c>1</c> or <c>d</c>). Sampling is <c>0</c>, <c>1</c> or <c>d</c> (debug).
/// </summary>
public static class B3SingleHeader
{
    public const string HeaderName = "b3";

    /// <summary>Parses a header value; false for malformed text, which the caller then ignores.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out TraceContext context)
    {
        context = default;
        value = value.Trim();
        if (value.Length == 1)
        {
            return TryParseSampling(value, out var sampled, out var debug)
                && Done(new TraceContext(0, 0, 0, 0, sampled, debug), out context);
        }

        Span<Range> parts = stackalloc Range[5];
        var count = value.Split(parts, '-');
        if (count is < 2 or > 4
            || value[parts[0]].Length is not (16 or 32) || value[parts[1]].Length != 16
            || !HexId.TryParseTraceId(value[parts[0]], out var high, out var traceId)
            || !HexId.TryParse(value[parts[1]], out var spanId))
        {
            return false;
        }

        bool? sampledState = null;
        var debugState = false;
        if (count >= 3 && !TryParseSampling(value[parts[2]], out sampledState, out debugState))
        {
            return false;
        }

        var parentId = 0UL;
        if (count == 4 && (value[parts[3]].Length != 16 || !HexId.TryParse(value[parts[3]], out parentId)))
        {
            return false;
        }

        return Done(new TraceContext(high, traceId, spanId, parentId, sampledState, debugState), out context);
    }

    /// <summary>Formats <c>{traceId}-{spanId}-{1|0|d}[-{parentSpanId}]</c>.</summary>
    public static string Format(in TraceContext context)
    {
        var sampling = context.Debug ? "d" : context.Sampled == true ? "1" : "0";
        return context.ParentId == 0
            ? $"{context.TraceIdHex}-{context.SpanIdHex}-{sampling}"
            : $"{context.TraceIdHex}-{context.SpanIdHex}-{sampling}-{HexId.Format(context.ParentId)}";
    }

    private static bool TryParseSampling(ReadOnlySpan<char> text, out bool? sampled, out bool debug)
    {
        (sampled, debug) = text switch
        {
            "1" => (true, false),
            "0" => (false, false),
            "d" => ((bool?)true, true),
            _ => (null, false),
        };
        return sampled is not null;
    }

    private static bool Done(TraceContext parsed, out TraceContext context)
    {
        context = parsed;
        return true;
    }
}

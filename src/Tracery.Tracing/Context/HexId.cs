namespace Tracery.Tracing.Context;

using System.Globalization;

/// <summary>Lower-hex text of 64-bit ids, as B3 headers and Zipkin JSON carry them.</summary>
public static class HexId
{
    public static string Format(ulong id) => id.ToString("x16", CultureInfo.InvariantCulture);

    public static string Format(ulong high, ulong low) => string.Create(32, (high, low), static (chars, ids) =>
    {
        ids.high.TryFormat(chars, out _, "x16", CultureInfo.InvariantCulture);
        ids.low.TryFormat(chars[16..], out _, "x16", CultureInfo.InvariantCulture);
    });

    /// <summary>Parses 1 to 16 hex digits (Finagle's <c>SpanId.fromString</c> accepts short ids too).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ulong id)
    {
        id = 0;
        return text.Length is > 0 and <= 16
            && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out id);
    }

    /// <summary>Parses a trace id of up to 32 hex digits into its high and low 64 bits.</summary>
    public static bool TryParseTraceId(ReadOnlySpan<char> text, out ulong high, out ulong low)
    {
        high = 0;
        low = 0;
        if (text.Length <= 16)
        {
            return TryParse(text, out low);
        }

        return text.Length <= 32
            && TryParse(text[..^16], out high)
            && TryParse(text[^16..], out low);
    }
}

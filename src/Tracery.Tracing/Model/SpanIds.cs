namespace Tracery.Tracing.Model;

/// <summary>
/// Zipkin's rules for span and trace ids (<c>Span.normalizeTraceId</c> and the builder's id setters): lower-hex
/// only, left-padded to 16 or 32 characters, all-zero ids rejected. Messages match Zipkin's word for word because
/// the collector answers a 400 with them.
/// </summary>
public static class SpanIds
{
    /// <summary>Pads, cuts a zero high half, or throws <see cref="ArgumentException"/>.</summary>
    public static string NormalizeTraceId(string traceId)
    {
        ArgumentNullException.ThrowIfNull(traceId);
        var length = traceId.Length;
        if (length == 0) throw new ArgumentException("traceId is empty");
        if (length > 32) throw new ArgumentException("traceId.length > 32");
        var zeros = ValidateHexAndCountZeroPrefix(traceId);
        if (zeros == length) throw new ArgumentException("traceId is all zeros");
        if (length == 32) return zeros >= 16 ? traceId.Substring(16) : traceId;
        if (length == 16) return traceId;
        return PadLeft(traceId, length < 16 ? 16 : 32);
    }

    /// <summary>Pads to 16 characters, or throws <see cref="ArgumentException"/>.</summary>
    public static string NormalizeId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var length = id.Length;
        if (length == 0) throw new ArgumentException("id is empty");
        if (length > 16) throw new ArgumentException("id.length > 16");
        if (ValidateHexAndCountZeroPrefix(id) == length) throw new ArgumentException("id is all zeros");
        return length < 16 ? PadLeft(id, 16) : id;
    }

    /// <summary>Pads to 16 characters; an all-zero parent id means "no parent" and becomes null.</summary>
    public static string? NormalizeParentId(string? parentId)
    {
        if (parentId is null) return null;
        var length = parentId.Length;
        if (length == 0) throw new ArgumentException("parentId is empty");
        if (length > 16) throw new ArgumentException("parentId.length > 16");
        if (ValidateHexAndCountZeroPrefix(parentId) == length) return null;
        return length < 16 ? PadLeft(parentId, 16) : parentId;
    }

    /// <summary>The 16-character lower-hex form of a 64-bit id.</summary>
    public static string ToHex(ulong id) => string.Create(16, id, static (chars, value) => value.TryFormat(chars, out _, "x16"));

    /// <summary>A trace id from its two halves: 16 characters when the high half is zero, else 32.</summary>
    public static string ToHex(ulong high, ulong low) =>
        high == 0
            ? ToHex(low)
            : string.Create(32, (high, low), static (chars, v) =>
            {
                v.high.TryFormat(chars, out _, "x16");
                v.low.TryFormat(chars[16..], out _, "x16");
            });

    /// <summary>Parses up to 16 lower-hex characters of an already normalised id.</summary>
    public static ulong ParseHex(ReadOnlySpan<char> hex) =>
        ulong.Parse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);

    static int ValidateHexAndCountZeroPrefix(string id)
    {
        var zeros = 0;
        var inZeroPrefix = true;
        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                throw new ArgumentException(id + " should be lower-hex encoded with no prefix");
            }
            if (c != '0') inZeroPrefix = false;
            else if (inZeroPrefix) zeros++;
        }
        return zeros;
    }

    static string PadLeft(string id, int width) => id.PadLeft(width, '0');
}

namespace Tracery.Tracing.Codec.V1;

/// <summary>
/// v1 ids are numbers on the wire; text ids are parsed as Zipkin's <c>HexCodec.lowerHexToUnsignedLong</c> does:
/// up to 32 lower-hex characters, the low 64 bits from the last 16, the high 64 bits only from a 32-character id.
/// </summary>
internal static class V1Ids
{
    public static ulong Low(string lowerHex)
    {
        CheckLength(lowerHex);
        return Parse(lowerHex, lowerHex.Length > 16 ? lowerHex.Length - 16 : 0);
    }

    /// <summary>The high half of a 128-bit trace id, or 0 unless the text has exactly 32 characters.</summary>
    public static ulong High(string lowerHex) => lowerHex.Length == 32 ? Parse(lowerHex, 0) : 0;

    static void CheckLength(string lowerHex)
    {
        if (lowerHex.Length is < 1 or > 32) throw NotLowerHex(lowerHex);
    }

    static ulong Parse(string lowerHex, int start)
    {
        ulong result = 0;
        var end = Math.Min(start + 16, lowerHex.Length);
        for (var i = start; i < end; i++)
        {
            var c = lowerHex[i];
            ulong digit = c switch
            {
                >= '0' and <= '9' => (ulong)(c - '0'),
                >= 'a' and <= 'f' => (ulong)(c - 'a' + 10),
                _ => throw NotLowerHex(lowerHex),
            };
            result = (result << 4) | digit;
        }
        return result;
    }

    static ArgumentException NotLowerHex(string text) => new(text + " should be a 1 to 32 character lower-hex string with no prefix");
}

namespace Tracery.Server.Query;

/// <summary>
/// Zipkin's <c>Span.normalizeTraceId</c> for ids in query URLs: lower-hex only, left-padded to 16 or
/// 32 characters, and a 32-character id whose high half is zero shortened to its low half, so a
/// 64-bit trace finds its spans whichever width the caller used.
/// </summary>
public static class TraceIdParameter
{
    /// <exception cref="ArgumentException">The id is empty, too long, all zeros or not lower-hex.</exception>
    public static string Normalize(string raw)
    {
        var id = raw.Trim();
        if (id.Length == 0)
        {
            throw new ArgumentException("traceId is empty");
        }
        if (id.Length > 32)
        {
            throw new ArgumentException("traceId.length > 32");
        }
        var zeros = 0;
        var leading = true;
        foreach (var c in id)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                throw new ArgumentException($"{id} should be lower-hex encoded with no prefix");
            }
            leading &= c == '0';
            zeros += leading ? 1 : 0;
        }
        if (zeros == id.Length)
        {
            throw new ArgumentException("traceId is all zeros");
        }
        return id.Length switch
        {
            32 when zeros >= 16 => id[16..],
            16 or 32 => id,
            < 16 => id.PadLeft(16, '0'),
            _ => id.PadLeft(32, '0'),
        };
    }
}

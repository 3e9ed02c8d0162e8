namespace Tracery.Storage;

/// <summary>Trace id arithmetic shared by the backends: ids are lower-hex, 16 or 32 characters.</summary>
public static class TraceIds
{
    /// <summary>The right-most 16 characters: the low 64 bits every backend groups by (§3.2).</summary>
    public static string LowBits(string traceId) => traceId.Length > 16 ? traceId[^16..] : traceId;

    /// <summary>
    /// Zipkin's <c>Span.normalizeTraceId</c> for a lower-hex id: left-padded to 16 or 32 characters,
    /// and a 32-character id whose high half is zero becomes its low half.
    /// </summary>
    public static string Normalize(string traceId)
    {
        var id = traceId.Trim();
        if (id.Length > 16)
        {
            id = id.PadLeft(32, '0');
            return id.AsSpan(0, 16).IndexOfAnyExcept('0') < 0 ? id[16..] : id;
        }
        return id.PadLeft(16, '0');
    }
}

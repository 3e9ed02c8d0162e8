namespace Tracery.Tracing.Codec;

/// <summary>
/// The collector's checks before decoding (reference §1.3), with Zipkin's exact 400 messages: the body must look
/// like a list, and JSON sent to the wrong version's endpoint is named. Ambiguous JSON is accepted on both paths.
/// </summary>
public static class SpanFormatCheck
{
    /// <summary>
    /// Null when <paramref name="body"/> may be decoded as <paramref name="expected"/>, else the message to answer
    /// with. An empty body or <c>[]</c> passes (the collector answers 202 and stores nothing).
    /// </summary>
    public static string? Problem(ReadOnlySpan<byte> body, SpanEncoding expected)
    {
        if (body.IsEmpty) return null;
        var first = body[0];
        var looksLikeList = first is (byte)'[' or 12 or 11 || SpanBytesDecoder.IsProto3(body);
        if (!looksLikeList) return $"Expected a {Name(expected)} encoded list\n";
        if (first != '[') return null;
        if (expected == SpanEncoding.JsonV2 && body.IndexOf("yAnnotations\""u8) >= 0)
        {
            return "Expected a JSON_V2 encoded list, but received: JSON_V1\n";
        }
        if (expected == SpanEncoding.JsonV1 && SpanBytesDecoder.LooksLikeJsonV2(body))
        {
            return "Expected a JSON_V1 encoded list, but received: JSON_V2\n";
        }
        return null;
    }

    /// <summary>Zipkin's decoder names, as they appear in its messages.</summary>
    public static string Name(SpanEncoding encoding) => encoding switch
    {
        SpanEncoding.JsonV2 => "JSON_V2",
        SpanEncoding.JsonV1 => "JSON_V1",
        SpanEncoding.Proto3 => "PROTO3",
        SpanEncoding.ThriftV1 => "THRIFT",
        _ => encoding.ToString(),
    };
}

namespace Tracery.Server.Collector;

using Tracery.Tracing.Codec;

/// <summary>
/// The checks Zipkin's HTTP collector makes before decoding (reference §1.3), so a client that sends
/// the wrong format to an endpoint learns which format was expected and which one it sent.
/// </summary>
public static class MessageFormatCheck
{
    /// <summary>The 400 message for a body that cannot be of <paramref name="expected"/>, or null.</summary>
    public static string? Problem(ReadOnlySpan<byte> body, SpanEncoding expected)
    {
        if (!LooksLikeList(body))
        {
            return $"Expected a {ZipkinName(expected)} encoded list\n";
        }
        var unexpected = expected switch
        {
            SpanEncoding.JsonV2 when body.IndexOf("yAnnotations\""u8) >= 0 => SpanEncoding.JsonV1,
            SpanEncoding.JsonV1 when body.IndexOf("Endpoint\""u8) >= 0 || body.IndexOf("\"tags\""u8) >= 0 => SpanEncoding.JsonV2,
            _ => (SpanEncoding?)null,
        };
        return unexpected is { } other
            ? $"Expected a {ZipkinName(expected)} encoded list, but received: {ZipkinName(other)}\n"
            : null;
    }

    /// <summary>The encoding's name as Zipkin's decoders print it.</summary>
    public static string ZipkinName(SpanEncoding encoding) => encoding switch
    {
        SpanEncoding.JsonV1 => "JSON_V1",
        SpanEncoding.JsonV2 => "JSON_V2",
        SpanEncoding.Proto3 => "PROTO3",
        SpanEncoding.ThriftV1 => "THRIFT",
        _ => encoding.ToString(),
    };

    // '[' starts JSON; 12 is a Thrift list of structs, 11 a zipkin-reporter quirk; proto3 ListOfSpans
    // starts with field 1, wire type 2 (0x0A), followed by a non-zero length.
    private static bool LooksLikeList(ReadOnlySpan<byte> body) => body[0] switch
    {
        (byte)'[' or 12 or 11 => true,
        0x0A => body.Length > 1 && body[1] != 0,
        _ => false,
    };
}

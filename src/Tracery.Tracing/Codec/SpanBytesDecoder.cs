namespace Tracery.Tracing.Codec;

using Tracery.Tracing.Codec.Json;
using Tracery.Tracing.Codec.Proto3;
using Tracery.Tracing.Codec.Thrift;
using Tracery.Tracing.Model;

/// <summary>Decodes a message of spans in any supported encoding into normalised v2 spans.</summary>
public static class SpanBytesDecoder
{
    /// <summary>
    /// Decodes a list of spans; an empty message is an empty list. Throws <see cref="SpanDecodeException"/> with
    /// Zipkin's message on bad input; one bad span rejects the whole message.
    /// </summary>
    public static IReadOnlyList<Span> DecodeList(ReadOnlySpan<byte> message, SpanEncoding encoding)
    {
        var spans = new List<Span>();
        DecodeList(message, encoding, spans);
        return spans;
    }

    /// <summary>Decodes a list of spans into <paramref name="into"/>; on failure nothing is added.</summary>
    public static void DecodeList(ReadOnlySpan<byte> message, SpanEncoding encoding, List<Span> into)
    {
        var before = into.Count;
        try
        {
            switch (encoding)
            {
                case SpanEncoding.JsonV2: JsonV2ListReader.ReadList(message, into); break;
                case SpanEncoding.Proto3: Proto3ListReader.ReadList(message, into); break;
                case SpanEncoding.JsonV1: JsonV1ListReader.ReadList(message, into); break;
                case SpanEncoding.ThriftV1: ThriftV1Reader.ReadList(message, into); break;
                default: throw new NotSupportedException($"{encoding} decoding is not implemented yet");
            }
        }
        catch (SpanDecodeException)
        {
            into.RemoveRange(before, into.Count - before);
            throw;
        }
    }

    /// <summary>
    /// Decodes one v1 Thrift span struct (as a Scribe log entry carries) into <paramref name="into"/>: one v1 span
    /// may become two v2 spans (client and server). On failure nothing is added.
    /// </summary>
    public static void DecodeThriftSpan(ReadOnlySpan<byte> message, List<Span> into) => ThriftV1Reader.ReadOne(message, into);

    /// <summary>Decodes one span (not a list); throws <see cref="SpanDecodeException"/> on bad input.</summary>
    public static Span DecodeOne(ReadOnlySpan<byte> message, SpanEncoding encoding) => encoding switch
    {
        SpanEncoding.JsonV2 => JsonV2ListReader.ReadOne(message),
        SpanEncoding.Proto3 => Proto3ListReader.ReadOne(message),
        _ => throw new NotSupportedException($"{encoding} decoding is not implemented yet"),
    };

    /// <summary>
    /// Guesses the encoding of a message the way Zipkin's <c>SpanBytesDecoderDetector</c> does: a first byte up to
    /// 16 is binary (proto3 when it is 0x0A followed by a non-zero byte, else Thrift); <c>[</c> or <c>{</c> is JSON,
    /// v2 when it mentions <c>Endpoint"</c> or <c>"tags"</c>, else v1. Throws <see cref="SpanDecodeException"/>
    /// for anything else.
    /// </summary>
    public static SpanEncoding DetectEncoding(ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty) throw new SpanDecodeException("Could not detect the span format: the message is empty");
        var first = message[0];
        if (first <= 16) return IsProto3(message) ? SpanEncoding.Proto3 : SpanEncoding.ThriftV1;
        if (first != '[' && first != '{') throw new SpanDecodeException("Could not detect the span format");
        return LooksLikeJsonV2(message) ? SpanEncoding.JsonV2 : SpanEncoding.JsonV1;
    }

    /// <summary>Field 1 (length-delimited) with a non-zero length: a proto3 span or trace id.</summary>
    internal static bool IsProto3(ReadOnlySpan<byte> message) => message.Length >= 2 && message[0] == 0x0A && message[1] != 0;

    /// <summary>Only v2 has <c>localEndpoint</c>/<c>remoteEndpoint</c> or <c>tags</c> (v1 has binaryAnnotations).</summary>
    internal static bool LooksLikeJsonV2(ReadOnlySpan<byte> message) =>
        message.IndexOf("Endpoint\""u8) >= 0 || message.IndexOf("\"tags\""u8) >= 0;
}

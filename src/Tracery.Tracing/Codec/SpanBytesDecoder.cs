namespace Tracery.Tracing.Codec;

using Tracery.Tracing.Model;

/// <summary>Decodes a message of spans in any supported encoding into normalised v2 spans.</summary>
public static class SpanBytesDecoder
{
    /// <summary>Decodes a list of spans; throws <see cref="SpanDecodeException"/> with Zipkin's message on bad input.</summary>
    public static IReadOnlyList<Span> DecodeList(ReadOnlySpan<byte> message, SpanEncoding encoding) =>
        throw new NotImplementedException("codec pending");

    /// <summary>Guesses the encoding of a message the way Zipkin's <c>SpanBytesDecoderDetector</c> does.</summary>
    public static SpanEncoding DetectEncoding(ReadOnlySpan<byte> message) =>
        throw new NotImplementedException("codec pending");
}

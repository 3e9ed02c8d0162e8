namespace Tracery.Tracing.Codec;

using Tracery.Tracing.Model;

/// <summary>Encodes v2 spans as JSON v2 or proto3 <c>ListOfSpans</c>.</summary>
public static class SpanBytesEncoder
{
    public static byte[] EncodeList(IEnumerable<Span> spans, SpanEncoding encoding) =>
        throw new NotImplementedException("codec pending");
}

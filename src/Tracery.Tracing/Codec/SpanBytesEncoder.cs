namespace Tracery.Tracing.Codec;

using System.Buffers;
using System.Text.Json;
using Google.Protobuf;
using Tracery.Tracing.Codec.Json;
using Tracery.Tracing.Codec.Proto3;
using Tracery.Tracing.Codec.Thrift;
using Tracery.Tracing.Model;

/// <summary>Encodes v2 spans as JSON v2, proto3 <c>ListOfSpans</c>, or v1 Thrift (converted as Zipkin does).</summary>
public static class SpanBytesEncoder
{
    public static byte[] EncodeList(IEnumerable<Span> spans, SpanEncoding encoding)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        EncodeList(spans, encoding, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Encodes into a caller's buffer (a pooled response body, say) without an intermediate array.</summary>
    public static void EncodeList(IEnumerable<Span> spans, SpanEncoding encoding, IBufferWriter<byte> output)
    {
        switch (encoding)
        {
            case SpanEncoding.JsonV2:
                using (var writer = new Utf8JsonWriter(output, SpanJsonV2Writer.Options))
                {
                    writer.WriteStartArray();
                    foreach (var span in spans) SpanJsonV2Writer.Write(writer, span);
                    writer.WriteEndArray();
                }
                break;
            case SpanEncoding.Proto3:
                var list = new Proto3.Wire.ListOfSpans();
                foreach (var span in spans) list.Spans.Add(Proto3SpanMapper.ToWire(span));
                list.WriteTo(output);
                break;
            case SpanEncoding.ThriftV1:
                output.Write(ThriftV1Writer.WriteList(spans));
                break;
            default:
                throw new NotSupportedException($"{encoding} encoding is not supported");
        }
    }

    /// <summary>Encodes one span (not a list).</summary>
    public static byte[] EncodeOne(Span span, SpanEncoding encoding)
    {
        if (encoding == SpanEncoding.Proto3) return Proto3SpanMapper.ToWire(span).ToByteArray();
        if (encoding == SpanEncoding.ThriftV1) return ThriftV1Writer.WriteOne(span);
        if (encoding != SpanEncoding.JsonV2) throw new NotSupportedException($"{encoding} encoding of one span is not supported");
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, SpanJsonV2Writer.Options)) SpanJsonV2Writer.Write(writer, span);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The writer options <see cref="WriteJsonV2"/> expects (Zipkin's escaping, no indentation).</summary>
    public static JsonWriterOptions JsonV2Options => SpanJsonV2Writer.Options;

    /// <summary>Writes one span as a v2 JSON object into a writer the caller owns (the query API's responses).</summary>
    public static void WriteJsonV2(Utf8JsonWriter writer, Span span) => SpanJsonV2Writer.Write(writer, span);
}

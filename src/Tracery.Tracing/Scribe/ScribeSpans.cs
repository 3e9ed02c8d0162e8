namespace Tracery.Tracing.Scribe;

using System.Buffers;
using System.Buffers.Text;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

/// <summary>
/// Spans in Scribe log entries, as Zipkin and Linkerd 1 exchange them: each entry's message is one v1 Thrift span,
/// base64-encoded. Decoding tolerates MIME line breaks (Finagle uses a MIME encoder).
/// </summary>
public static class ScribeSpans
{
    /// <summary>Zipkin's default category (<c>SCRIBE_CATEGORY</c>).</summary>
    public const string DefaultCategory = "zipkin";

    /// <summary>A log entry carrying <paramref name="span"/> as base64 v1 Thrift.</summary>
    public static ScribeLogEntry ToEntry(Span span, string category = DefaultCategory) =>
        new(category, Convert.ToBase64String(SpanBytesEncoder.EncodeOne(span, SpanEncoding.ThriftV1)));

    /// <summary>
    /// Writes the message <see cref="ToEntry"/> would carry, as ASCII bytes into a caller's buffer: for a reporter
    /// that encodes each span when it is reported and builds the entries only when it sends them.
    /// </summary>
    public static void WriteMessage(Span span, IBufferWriter<byte> output)
    {
        var thrift = SpanBytesEncoder.EncodeOne(span, SpanEncoding.ThriftV1);
        var base64 = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(thrift.Length));
        Base64.EncodeToUtf8(thrift, base64, out _, out var written);
        output.Advance(written);
    }

    /// <summary>
    /// Decodes an entry's span into <paramref name="into"/> (one v1 span may give a client and a server span).
    /// Throws <see cref="SpanDecodeException"/> for a message that is not base64 or not a Thrift span.
    /// </summary>
    public static void Decode(ScribeLogEntry entry, List<Span> into)
    {
        byte[] thrift;
        try
        {
            thrift = Convert.FromBase64String(entry.Message); // skips whitespace, so MIME line breaks are fine
        }
        catch (FormatException e)
        {
            throw new SpanDecodeException("Malformed: the Scribe message is not base64", e);
        }
        SpanBytesDecoder.DecodeThriftSpan(thrift, into);
    }
}

namespace Tracery.Tracing.Codec.Proto3;

using Tracery.Tracing.Model;

/// <summary>
/// Reads a proto3 <c>ListOfSpans</c> (field 1, repeated Span), failing with Zipkin's messages such as
/// <c>Truncated: length 66 &gt; bytes available 8 reading List&lt;Span&gt; from proto3</c>.
/// </summary>
internal static class Proto3ListReader
{
    const uint SpansKey = (1 << 3) | 2;

    public static void ReadList(ReadOnlySpan<byte> message, List<Span> into)
    {
        try
        {
            var cursor = new ProtoCursor(message);
            while (cursor.HasMore)
            {
                var tag = cursor.ReadTag();
                // Only length-delimited fields can be spans; anything else at the top level is not a ListOfSpans.
                if ((tag & 7) != 2) throw new ArgumentException($"Malformed: wire type {tag & 7} at the top level");
                var field = cursor.ReadLengthDelimited();
                if (tag == SpansKey) into.Add(Proto3SpanReader.Read(field));
            }
        }
        catch (ArgumentException e)
        {
            throw new SpanDecodeException($"{e.Message} reading List<Span> from proto3", e);
        }
    }

    public static Span ReadOne(ReadOnlySpan<byte> message)
    {
        try
        {
            return Proto3SpanReader.Read(message);
        }
        catch (ArgumentException e)
        {
            throw new SpanDecodeException($"{e.Message} reading Span from proto3", e);
        }
    }
}

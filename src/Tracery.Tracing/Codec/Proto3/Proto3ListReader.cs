namespace Tracery.Tracing.Codec.Proto3;

using Google.Protobuf;
using Tracery.Tracing.Model;

/// <summary>
/// Reads a proto3 <c>ListOfSpans</c>. The top level is walked by hand, so a truncated or garbage message gets
/// Zipkin's message (<c>Truncated: length 66 &gt; bytes available 8 reading List&lt;Span&gt; from proto3</c>) and
/// each span's bytes are parsed with Google.Protobuf, then mapped through the normalising builder.
/// </summary>
internal static class Proto3ListReader
{
    const int SpansKey = (1 << 3) | 2;

    public static void ReadList(ReadOnlySpan<byte> message, List<Span> into)
    {
        try
        {
            var position = 0;
            while (position < message.Length)
            {
                var key = ReadVarint(message, ref position);
                if ((key & 7) != 2) throw new ArgumentException($"Malformed: wire type {key & 7} at the top level");
                var length = ReadVarint(message, ref position);
                var available = message.Length - position;
                if (length > (ulong)available) throw new ArgumentException($"Truncated: length {length} > bytes available {available}");
                var field = message.Slice(position, (int)length);
                position += (int)length;
                if (key == SpansKey) into.Add(Proto3SpanMapper.ToModel(Wire.Span.Parser.ParseFrom(field)));
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidProtocolBufferException)
        {
            throw new SpanDecodeException($"{e.Message} reading List<Span> from proto3", e);
        }
    }

    public static Span ReadOne(ReadOnlySpan<byte> message)
    {
        try
        {
            return Proto3SpanMapper.ToModel(Wire.Span.Parser.ParseFrom(message));
        }
        catch (Exception e) when (e is ArgumentException or InvalidProtocolBufferException)
        {
            throw new SpanDecodeException($"{e.Message} reading Span from proto3", e);
        }
    }

    static ulong ReadVarint(ReadOnlySpan<byte> message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= message.Length) throw new ArgumentException("Truncated: varint at the end of the message");
            var b = message[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
        throw new ArgumentException("Malformed: varint longer than 10 bytes");
    }
}

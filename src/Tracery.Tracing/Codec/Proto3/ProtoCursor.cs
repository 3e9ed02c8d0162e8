namespace Tracery.Tracing.Codec.Proto3;

using System.Buffers.Binary;

/// <summary>
/// A forward-only reader of protobuf wire format over a span of bytes. Length-delimited fields are checked against
/// what is left, so a truncated or garbage message fails with Zipkin's "Truncated: length X &gt; bytes available Y"
/// instead of reading past the end or allocating what a bogus length claims.
/// </summary>
internal ref struct ProtoCursor(ReadOnlySpan<byte> bytes)
{
    readonly ReadOnlySpan<byte> bytes = bytes;
    int position;

    public readonly bool HasMore => position < bytes.Length;

    public uint ReadTag() => (uint)ReadVarint();

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (position >= bytes.Length) throw new ArgumentException("Truncated: varint at the end of the message");
            var b = bytes[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
        throw new ArgumentException("Malformed: varint longer than 10 bytes");
    }

    public ulong ReadFixed64()
    {
        if (bytes.Length - position < 8) throw new ArgumentException($"Truncated: length 8 > bytes available {bytes.Length - position}");
        var value = BinaryPrimitives.ReadUInt64LittleEndian(bytes[position..]);
        position += 8;
        return value;
    }

    /// <summary>The bytes of a length-delimited field (a string, bytes or an embedded message).</summary>
    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        var available = bytes.Length - position;
        if (length > (ulong)available) throw new ArgumentException($"Truncated: length {length} > bytes available {available}");
        var field = bytes.Slice(position, (int)length);
        position += (int)length;
        return field;
    }

    /// <summary>Skips a field Zipkin does not define (or one with an unexpected wire type), as protobuf does.</summary>
    public void Skip(uint tag)
    {
        switch (tag & 7)
        {
            case 0: ReadVarint(); break;
            case 1: ReadFixed64(); break;
            case 2: ReadLengthDelimited(); break;
            case 5:
                if (bytes.Length - position < 4) throw new ArgumentException($"Truncated: length 4 > bytes available {bytes.Length - position}");
                position += 4;
                break;
            default: throw new ArgumentException($"Malformed: wire type {tag & 7}");
        }
    }
}

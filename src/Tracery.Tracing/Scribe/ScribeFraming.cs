namespace Tracery.Tracing.Scribe;

using System.Buffers.Binary;

/// <summary>
/// Thrift's framed transport as Scribe uses it: each message is a 4-byte big-endian length and that many bytes.
/// Frame sizes are bounded, so a peer speaking something else (an HTTP request reads as a ~1 GB frame) is refused
/// at once rather than buffered.
/// </summary>
public static class ScribeFraming
{
    /// <summary>Thrift's default frame limit (16,384,000 bytes).</summary>
    public const int DefaultMaxFrameBytes = 16_384_000;

    /// <summary>
    /// Reads one frame's payload, or null when the stream ends cleanly between frames. Throws
    /// <see cref="ScribeProtocolException"/> for an impossible length or a stream that ends inside a frame.
    /// </summary>
    public static async ValueTask<byte[]?> ReadFrameAsync(Stream stream, int maxFrameBytes = DefaultMaxFrameBytes, CancellationToken cancellationToken = default)
    {
        var header = new byte[4];
        var got = await stream.ReadAtLeastAsync(header, 4, throwOnEndOfStream: false, cancellationToken);
        if (got == 0) return null;
        if (got < 4) throw new ScribeProtocolException($"The stream ended inside a frame header: {got} of 4 bytes");
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length < 0 || length > maxFrameBytes)
        {
            throw new ScribeProtocolException(
                $"Frame length {length} is outside 0..{maxFrameBytes} bytes: not a Thrift framed message (is the peer speaking Scribe?)");
        }
        var payload = new byte[length];
        got = await stream.ReadAtLeastAsync(payload, length, throwOnEndOfStream: false, cancellationToken);
        if (got < length) throw new ScribeProtocolException($"The stream ended inside a frame: {got} of {length} bytes");
        return payload;
    }

    /// <summary>Prefixes a payload with its length.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var framed = new byte[payload.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(framed, payload.Length);
        payload.CopyTo(framed.AsSpan(4));
        return framed;
    }
}

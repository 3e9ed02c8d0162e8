namespace Tracery.Mesh.Telemetry;

using System.Buffers;

/// <summary>A span as its transport will send it, in a buffer rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal readonly record struct EncodedSpan(byte[] Buffer, int Length)
{
    public ReadOnlyMemory<byte> Bytes => Buffer.AsMemory(0, Length);

    public static EncodedSpan Copy(ReadOnlySpan<byte> encoded)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(encoded.Length);
        encoded.CopyTo(buffer);
        return new EncodedSpan(buffer, encoded.Length);
    }

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}

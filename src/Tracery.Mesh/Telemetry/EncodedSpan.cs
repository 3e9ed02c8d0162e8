namespace Tracery.Mesh.Telemetry;

using System.Buffers;

/// <summary>A span as its transport will send it, in a buffer rented from the reporter's pool.</summary>
internal readonly record struct EncodedSpan(byte[] Buffer, int Length)
{
    public ReadOnlyMemory<byte> Bytes => Buffer.AsMemory(0, Length);

    public static EncodedSpan Copy(ArrayPool<byte> pool, ReadOnlySpan<byte> encoded)
    {
        var buffer = pool.Rent(encoded.Length);
        encoded.CopyTo(buffer);
        return new EncodedSpan(buffer, encoded.Length);
    }

    public void Return(ArrayPool<byte> pool) => pool.Return(Buffer);
}

namespace Tracery.Server.Collector;

using System.Buffers;

/// <summary>
/// A growable byte buffer rented from the shared pool, so each collector request does not allocate
/// its body anew. Appending past <see cref="Limit"/> throws <see cref="BodyTooLargeException"/>.
/// </summary>
public sealed class PooledBuffer(int limit, int initialSize = 16 * 1024) : IDisposable
{
    private byte[] array = ArrayPool<byte>.Shared.Rent(Math.Min(initialSize, limit + 1));

    public int Limit { get; } = limit;

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Bytes => array.AsSpan(0, Length);

    /// <summary>A read-only stream over the bytes, valid until the buffer is disposed.</summary>
    public Stream AsStream() => new MemoryStream(array, 0, Length, writable: false);

    /// <summary>Free space to read into, at least one byte; grows the buffer when it is full.</summary>
    public Memory<byte> FreeSpace()
    {
        if (Length == array.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(array.Length * 2);
            array.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(array);
            array = bigger;
        }
        return array.AsMemory(Length);
    }

    /// <summary>Records that <paramref name="count"/> bytes were written into <see cref="FreeSpace"/>.</summary>
    public void Advance(int count)
    {
        Length += count;
        if (Length > Limit)
        {
            throw new BodyTooLargeException(Limit);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(array);
        array = [];
        Length = 0;
    }
}

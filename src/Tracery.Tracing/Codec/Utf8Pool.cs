namespace Tracery.Tracing.Codec;

/// <summary>
/// A lossy, lock-free cache from short byte strings (UTF-8 text, raw addresses) to the value made from them.
/// Spans repeat the same service names, span names, tag keys and addresses over and over; decoding them through
/// this pool turns most of those into shared instances, which saves allocations on ingest and memory in the store.
/// Direct-mapped: a colliding key just replaces the slot. Entries are immutable, so racing threads only ever see a
/// whole entry.
/// </summary>
internal sealed class Utf8Pool<T>(Utf8Pool<T>.Factory create, int maxBytes = 64) where T : class?
{
    public delegate T Factory(ReadOnlySpan<byte> key);

    const int Slots = 4096;

    sealed record Entry(byte[] Key, T Value);

    readonly Entry?[] entries = new Entry?[Slots];

    public T Get(ReadOnlySpan<byte> key)
    {
        if (key.Length > maxBytes) return create(key);
        var hash = new HashCode();
        hash.AddBytes(key);
        var slot = hash.ToHashCode() & (Slots - 1);
        var entry = entries[slot];
        if (entry is not null && key.SequenceEqual(entry.Key)) return entry.Value;
        var value = create(key);
        entries[slot] = new Entry(key.ToArray(), value);
        return value;
    }
}

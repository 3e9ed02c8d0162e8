namespace Tracery.Tracing.Codec;

using System.Text;

/// <summary>
/// A lossy, lock-free cache from short UTF-8 texts to the value made from them (a string, a parsed address).
/// Spans repeat the same service names, span names, tag keys and addresses over and over; decoding them through
/// this pool turns most of those strings into shared instances, which saves allocations on ingest and memory in
/// the store. Direct-mapped: a colliding text just replaces the slot. Entries are immutable, so racing threads
/// only ever see a whole entry.
/// </summary>
internal sealed class Utf8Pool<T>(Func<string, T> create, int maxBytes = 64) where T : class?
{
    const int Slots = 4096;

    sealed record Entry(byte[] Key, T Value);

    readonly Entry?[] entries = new Entry?[Slots];

    public T Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > maxBytes) return create(Encoding.UTF8.GetString(utf8));
        var hash = new HashCode();
        hash.AddBytes(utf8);
        var slot = hash.ToHashCode() & (Slots - 1);
        var entry = entries[slot];
        if (entry is not null && utf8.SequenceEqual(entry.Key)) return entry.Value;
        var value = create(Encoding.UTF8.GetString(utf8));
        entries[slot] = new Entry(utf8.ToArray(), value);
        return value;
    }
}

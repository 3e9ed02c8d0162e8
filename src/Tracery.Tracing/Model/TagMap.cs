namespace Tracery.Tracing.Model;

using System.Collections;
using System.Diagnostics.CodeAnalysis;

/// <summary>
/// An immutable tag map sorted by key (ordinal), as Zipkin's TreeMap. Two parallel arrays with binary search:
/// far smaller and faster to build than a SortedDictionary for the handful of tags a span carries.
/// </summary>
public sealed class TagMap : IReadOnlyDictionary<string, string>
{
    public static readonly TagMap Empty = new([], []);

    readonly string[] keys;
    readonly string[] values;

    TagMap(string[] keys, string[] values) => (this.keys, this.values) = (keys, values);

    /// <summary>Builds a map from pairs in any order; a later duplicate key wins, as a map put does.</summary>
    public static TagMap From(IEnumerable<KeyValuePair<string, string>> tags)
    {
        if (tags is TagMap map) return map;
        var sorter = new TagSorter();
        foreach (var (key, value) in tags) sorter.Put(key, value);
        return sorter.ToMap();
    }

    /// <summary>
    /// Builds a map from pairs whose keys are already distinct, in any order: two arrays and an insertion sort, for
    /// recorders that build a span per request and know their keys are unique.
    /// </summary>
    public static TagMap FromDistinct(ReadOnlySpan<KeyValuePair<string, string>> tags)
    {
        if (tags.IsEmpty) return Empty;
        var keys = new string[tags.Length];
        var values = new string[tags.Length];
        for (var n = 0; n < tags.Length; n++)
        {
            var (key, value) = tags[n];
            var i = n;
            for (; i > 0 && string.CompareOrdinal(keys[i - 1], key) > 0; i--)
            {
                keys[i] = keys[i - 1];
                values[i] = values[i - 1];
            }
            keys[i] = key;
            values[i] = value;
        }
        return new(keys, values);
    }

    internal static TagMap FromSorted(string[] keys, string[] values) => keys.Length == 0 ? Empty : new(keys, values);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => keys;

    public IEnumerable<string> Values => values;

    public int Count => keys.Length;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < keys.Length; i++) yield return new(keys[i], values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The key at <paramref name="index"/> in sorted order (allocation-free iteration for writers).</summary>
    public string KeyAt(int index) => keys[index];

    public string ValueAt(int index) => values[index];

    int IndexOf(string key) => Array.BinarySearch(keys, key, StringComparer.Ordinal);
}

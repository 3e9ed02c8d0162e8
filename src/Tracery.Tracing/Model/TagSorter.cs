namespace Tracery.Tracing.Model;

/// <summary>
/// Collects tags in arrival order and sorts them once: insertion sort, because spans carry few tags and usually in
/// order already. Reusable across spans so a decoder allocates only the final arrays.
/// </summary>
internal sealed class TagSorter
{
    readonly List<string> keys = [];
    readonly List<string> values = [];

    public int Count => keys.Count;

    public void Put(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is null) throw new ArgumentException("value of " + key + " == null");
        var i = keys.Count;
        while (i > 0 && string.CompareOrdinal(keys[i - 1], key) > 0) i--;
        if (i > 0 && keys[i - 1] == key)
        {
            values[i - 1] = value;
            return;
        }
        keys.Insert(i, key);
        values.Insert(i, value);
    }

    public void Clear()
    {
        keys.Clear();
        values.Clear();
    }

    public TagMap ToMap() => TagMap.FromSorted([.. keys], [.. values]);
}

namespace Tracery.Mesh.Routing;

using System.Collections.Concurrent;
using Tracery.Mesh.Naming;

/// <summary>
/// Remembers bound resolutions for a second, so a busy router delegates each name about once a second instead
/// of on every request (Linkerd's <c>bindingCache</c>). Safe because bound names carry live address sets:
/// endpoint changes still apply at once; only a change of which name a path binds to waits for the entry to
/// expire. Negative and failed results are never cached, so a newly added service routes on its next request.
/// </summary>
public sealed class BindingCache(TimeProvider time, TimeSpan ttl, int capacity = 1000)
{
    private readonly ConcurrentDictionary<(NamePath Path, string? Dtab), (NameResolution.Bound Bound, long Expires)> _entries = new();

    public bool TryGet(NamePath path, string? dtab, out NameResolution.Bound bound)
    {
        if (_entries.TryGetValue((path, dtab), out var entry) && time.GetTimestamp() < entry.Expires)
        {
            bound = entry.Bound;
            return true;
        }
        bound = null!;
        return false;
    }

    public void Put(NamePath path, string? dtab, NameResolution.Bound bound)
    {
        if (_entries.Count >= capacity)
        {
            _entries.Clear(); // crude but bounded: a cache this small refills within a second
        }
        _entries[(path, dtab)] = (bound, time.GetTimestamp() + (long)(ttl.TotalSeconds * time.TimestampFrequency));
    }
}

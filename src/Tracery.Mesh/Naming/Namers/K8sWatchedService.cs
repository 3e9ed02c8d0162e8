namespace Tracery.Mesh.Naming.Namers;

using System.Collections.Concurrent;
using Tracery.Mesh.Naming.Addresses;

/// <summary>One watched Service: its latest endpoints (null: absent) and a live address set per port asked for.</summary>
internal sealed class K8sWatchedService
{
    private readonly Action presenceChanged;
    private readonly ConcurrentDictionary<string, BoundName> bound = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LiveAddressSet> sets = new(StringComparer.Ordinal);
    private K8sEndpoints? current;

    public K8sWatchedService(string ns, string service, Func<Action<K8sEndpoints?>, K8sServiceWatch> watch, Action presenceChanged)
    {
        Namespace = ns;
        Service = service;
        this.presenceChanged = presenceChanged;
        Watch = watch(Apply);
    }

    public string Namespace { get; }

    public string Service { get; }

    public K8sServiceWatch Watch { get; }

    public K8sEndpoints? Current => Volatile.Read(ref current);

    /// <summary>The ports looked up so far, with their live addresses.</summary>
    public IEnumerable<KeyValuePair<string, LiveAddressSet>> Ports => sets;

    public BoundName Bound(string port, string id) =>
        bound.GetOrAdd(port, p => new BoundName(id, sets.GetOrAdd(p, q => new LiveAddressSet(Current?.For(q) ?? [])), NamePath.Empty));

    private void Apply(K8sEndpoints? endpoints)
    {
        // Current first: a transformer woken by a set's update asks NodeOf for the new addresses.
        var existed = Interlocked.Exchange(ref current, endpoints) is not null;
        foreach (var (port, set) in sets)
        {
            set.Update(endpoints?.For(port) ?? []);
        }

        if (existed != endpoints is not null)
        {
            // A service came or went: lookups answer differently, so cached resolutions must go.
            presenceChanged();
        }
    }
}

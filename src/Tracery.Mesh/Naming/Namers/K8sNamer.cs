namespace Tracery.Mesh.Naming.Namers;

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracery.Mesh.Naming.Addresses;

/// <summary>
/// <c>io.l5d.k8s</c>: binds <c>/&lt;namespace&gt;/&lt;port name or number&gt;/&lt;service&gt;</c> to the ready addresses
/// of that Service's Endpoints, watched live through the Kubernetes API at <c>host:port</c> (the tutorial's
/// <c>kubectl proxy</c> sidecar). A Service that does not exist, or is deleted, binds negative, never to stale addresses.
/// </summary>
public sealed class K8sNamer : INamer, IDisposable
{
    /// <summary>How long a first lookup of a service waits for its first list before answering negative.</summary>
    public static readonly TimeSpan FirstListTimeout = TimeSpan.FromSeconds(5);

    private readonly HttpClient http;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    // Lazy: two first lookups racing must not start two watches, one of them orphaned.
    private readonly ConcurrentDictionary<(string Ns, string Service), Lazy<ServiceState>> services = new();
    private long version;

    public K8sNamer(NamePath prefix, string host, int port, TimeProvider timeProvider, ILogger<K8sNamer>? logger = null)
    {
        Prefix = prefix;
        // No overall timeout: watches are long-lived streams, and each list is bounded by the first-lookup wait.
        http = new HttpClient { BaseAddress = new UriBuilder("http", host, port).Uri, Timeout = Timeout.InfiniteTimeSpan };
        this.timeProvider = timeProvider;
        this.logger = logger ?? NullLogger<K8sNamer>.Instance;
    }

    public NamePath Prefix { get; }

    public long? Version => Volatile.Read(ref version);

    public async ValueTask<NameTree<BoundName>> LookupAsync(NamePath path, CancellationToken cancellationToken = default)
    {
        if (path.Count < 3)
        {
            return NameTree<BoundName>.NegInstance;
        }

        var (ns, port, service) = (path.Segments[0], path.Segments[1], path.Segments[2]);
        var state = services.GetOrAdd((ns, service), key => new Lazy<ServiceState>(() => new ServiceState(this, key.Ns, key.Service))).Value;
        try
        {
            await state.Watch.Listed.WaitAsync(FirstListTimeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            return NameTree<BoundName>.NegInstance;
        }

        if (state.Current is null)
        {
            return NameTree<BoundName>.NegInstance;
        }

        var bound = state.Bound(port, $"/#{Prefix}/{ns}/{port}/{service}");
        return new NameTree<BoundName>.Leaf(path.Count > 3 ? bound with { Residual = path.Drop(3) } : bound);
    }

    public void Dispose()
    {
        foreach (var state in services.Values.Where(s => s.IsValueCreated))
        {
            state.Value.Watch.Dispose();
        }

        http.Dispose();
    }

    /// <summary>One watched Service: its latest Endpoints (null: absent) and a live set per port asked for.</summary>
    private sealed class ServiceState
    {
        private readonly K8sNamer owner;
        private readonly ConcurrentDictionary<string, BoundName> bound = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, LiveAddressSet> sets = new(StringComparer.Ordinal);
        private K8sEndpoints? current;

        public ServiceState(K8sNamer owner, string ns, string service)
        {
            this.owner = owner;
            Watch = new K8sServiceWatch(owner.http, ns, service, owner.timeProvider, owner.logger, Apply);
        }

        public K8sServiceWatch Watch { get; }

        public K8sEndpoints? Current => Volatile.Read(ref current);

        public BoundName Bound(string port, string id) =>
            bound.GetOrAdd(port, p => new BoundName(id, sets.GetOrAdd(p, q => new LiveAddressSet(Current?.For(q) ?? [])), NamePath.Empty));

        private void Apply(K8sEndpoints? endpoints)
        {
            var existed = Interlocked.Exchange(ref current, endpoints) is not null;
            foreach (var (port, set) in sets)
            {
                set.Update(endpoints?.For(port) ?? []);
            }

            if (existed != endpoints is not null)
            {
                // A service came or went: lookups answer differently, so cached resolutions must go.
                Interlocked.Increment(ref owner.version);
            }
        }
    }
}

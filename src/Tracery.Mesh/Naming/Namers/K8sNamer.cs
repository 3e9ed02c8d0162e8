namespace Tracery.Mesh.Naming.Namers;

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// <c>io.l5d.k8s</c>: binds <c>/&lt;namespace&gt;/&lt;port name or number&gt;/&lt;service&gt;</c> to the ready addresses
/// of that Service's EndpointSlices (or v1 Endpoints), watched live through the Kubernetes API (the tutorial's
/// <c>kubectl proxy</c> sidecar, or the API server with the pod's service account). A Service that does not exist,
/// or is deleted, binds negative, never to stale addresses.
/// </summary>
public sealed class K8sNamer : INamer, INamerState, IDisposable
{
    /// <summary>How long a first lookup of a service waits for its first list before answering negative.</summary>
    public static readonly TimeSpan FirstListTimeout = TimeSpan.FromSeconds(5);

    private readonly K8sApi api;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    // Lazy: two first lookups racing must not start two watches, one of them orphaned.
    private readonly ConcurrentDictionary<(string Ns, string Service), Lazy<K8sWatchedService>> services = new();
    private long version;

    public K8sNamer(NamePath prefix, string host, int port, TimeProvider timeProvider, ILogger<K8sNamer>? logger = null)
        : this(prefix, K8sApiEndpoint.Proxy(host, port), timeProvider, logger)
    {
    }

    public K8sNamer(NamePath prefix, K8sApiEndpoint endpoint, TimeProvider timeProvider, ILogger<K8sNamer>? logger = null)
    {
        Prefix = prefix;
        api = new K8sApi(endpoint);
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
        var state = services.GetOrAdd((ns, service), key => new Lazy<K8sWatchedService>(() => Watch(key.Ns, key.Service))).Value;
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

    /// <summary>The node an endpoint IP of any watched service runs on (its <c>nodeName</c>), or null when unknown.</summary>
    public string? NodeOf(string ip)
    {
        foreach (var state in services.Values)
        {
            if (state.IsValueCreated && state.Value.Current?.NodeOf(ip) is { } node)
            {
                return node;
            }
        }

        return null;
    }

    public void WriteState(Utf8JsonWriter json) =>
        K8sNamerStateJson.Write(json, Prefix, api, services.Values.Where(s => s.IsValueCreated).Select(s => s.Value));

    public void Dispose()
    {
        foreach (var state in services.Values.Where(s => s.IsValueCreated))
        {
            state.Value.Watch.Dispose();
        }

        api.Dispose();
    }

    private K8sWatchedService Watch(string ns, string service) =>
        new(ns, service, onChange => new K8sServiceWatch(api, ns, service, timeProvider, logger, onChange), () => Interlocked.Increment(ref version));
}

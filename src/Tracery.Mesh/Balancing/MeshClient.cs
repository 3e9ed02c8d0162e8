namespace Tracery.Mesh.Balancing;

using Tracery.Mesh.Naming;

/// <summary>
/// Linkerd's client for one bound id: follows the bound name's live address set, keeps per-endpoint state and
/// picks an endpoint per attempt. Endpoints that failure accrual marked dead are skipped while any other is
/// available; when none is, all are candidates again, as Finagle's balancer does rather than fail outright.
/// </summary>
public sealed class MeshClient : IDisposable
{
    private readonly ClientPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILoadBalancer _balancer;
    private readonly IDisposable _subscription;
    private readonly Lock _lock = new();
    private UpstreamEndpoint[] _endpoints = [];

    public MeshClient(BoundName name, ClientPolicy policy, TimeProvider time)
    {
        Name = name;
        _policy = policy;
        _time = time;
        _balancer = LoadBalancers.Create(policy.LoadBalancer, time);
        Update(name.Addresses.Current);
        _subscription = name.Addresses.Subscribe(Update);
    }

    public BoundName Name { get; }

    public ClientPolicy Policy => _policy;

    public IReadOnlyList<UpstreamEndpoint> Endpoints => Volatile.Read(ref _endpoints);

    /// <summary>The endpoint for the next attempt, or null when the address set is empty.</summary>
    public UpstreamEndpoint? Pick()
    {
        var endpoints = Volatile.Read(ref _endpoints);
        if (endpoints.Length == 0)
        {
            return null;
        }
        var now = _time.GetUtcNow();
        if (Array.TrueForAll(endpoints, e => e.Accrual.IsAvailable(now)))
        {
            return _balancer.Pick(endpoints); // the common case: nothing to filter, nothing to allocate
        }
        var available = Array.FindAll(endpoints, e => e.Accrual.IsAvailable(now));
        return _balancer.Pick(available.Length > 0 ? available : endpoints);
    }

    public void Dispose() => _subscription.Dispose();

    private void Update(IReadOnlyList<Address> addresses)
    {
        lock (_lock)
        {
            var known = _endpoints.ToDictionary(e => e.Address);
            var now = _time.GetUtcNow();
            _endpoints = addresses
                .Select(a => known.TryGetValue(a, out var e) ? e : new UpstreamEndpoint(a, _policy.NewAccrual(now), new PeakEwma(_policy.EwmaDecay), _policy.Transport.Scheme))
                .ToArray();
        }
    }
}

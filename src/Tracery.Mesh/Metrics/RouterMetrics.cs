namespace Tracery.Mesh.Metrics;

using System.Collections.Concurrent;

/// <summary>The scopes of one router: <c>rt/&lt;label&gt;/server/…</c>, <c>…/service/…</c> and <c>…/client/…</c> (§4.11).</summary>
public sealed class RouterMetrics(MetricsRegistry registry, string label)
{
    // One map per scope kind, keyed by the bare name, so the hot path looks up without building a string.
    private readonly ConcurrentDictionary<string, RequestStats> _servers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RequestStats> _services = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RequestStats> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (Counter Retries, Counter Exhausted)> _retries = new(StringComparer.Ordinal);

    public MetricsRegistry Registry => registry;

    public string Prefix { get; } = $"rt/{label}";

    /// <summary>A server scope; <paramref name="serverLabel"/> is <c>ip/port</c> as in Linkerd.</summary>
    // Each looks up first: a lambda that captures this is a new delegate on every call, and these run per request.
    public RequestStats Server(string serverLabel) =>
        _servers.TryGetValue(serverLabel, out var stats) ? stats : _servers.GetOrAdd(serverLabel, n => Scope("server", n));

    public RequestStats Service(string path) =>
        _services.TryGetValue(path, out var stats) ? stats : _services.GetOrAdd(path, p => Scope("service", RequestStats.ScopeName(p)));

    public RequestStats Client(string boundId) =>
        _clients.TryGetValue(boundId, out var stats) ? stats : _clients.GetOrAdd(boundId, id => Scope("client", RequestStats.ScopeName(id)));

    /// <summary>Requests a server refused for its <c>maxConcurrentRequests</c> (Finagle's <c>dropped_requests</c>).</summary>
    public Counter DroppedRequests(string serverLabel) => ServerCounter(serverLabel, "dropped_requests");

    /// <summary>A server's requests in flight, Finagle's <c>request_concurrency</c> gauge.</summary>
    public void RequestConcurrency(string serverLabel, Func<double> read)
    {
        var name = $"{Prefix}/server/{serverLabel}/request_concurrency";
        registry.Describe(name, ServerPrometheusName(serverLabel, "request_concurrency"));
        registry.Gauge(name, read);
    }

    public Counter Retries(string path) => RetryCounters(path).Retries;

    public Counter BudgetExhausted(string path) => RetryCounters(path).Exhausted;

    private (Counter Retries, Counter Exhausted) RetryCounters(string path) => _retries.GetOrAdd(path, p =>
        (ServiceCounter(p, "retries/total", "retries:total"), ServiceCounter(p, "retries/budget_exhausted", "retries:budget_exhausted")));

    private RequestStats Scope(string kind, string name) =>
        new(registry, $"{Prefix}/{kind}/{name}", new PrometheusName($"rt:{kind}", PrometheusName.Label("rt", label)).WithLabel(kind, name));

    private Counter ServerCounter(string serverLabel, string metric)
    {
        var name = $"{Prefix}/server/{serverLabel}/{metric}";
        registry.Describe(name, ServerPrometheusName(serverLabel, metric));
        return registry.Counter(name);
    }

    private PrometheusName ServerPrometheusName(string serverLabel, string metric) =>
        new PrometheusName($"rt:server:{metric}", PrometheusName.Label("rt", label)).WithLabel("server", serverLabel);

    private Counter ServiceCounter(string path, string metric, string prometheus)
    {
        var service = RequestStats.ScopeName(path);
        var name = $"{Prefix}/service/{service}/{metric}";
        registry.Describe(name, new PrometheusName($"rt:service:{prometheus}", PrometheusName.Label("rt", label)).WithLabel("service", service));
        return registry.Counter(name);
    }
}

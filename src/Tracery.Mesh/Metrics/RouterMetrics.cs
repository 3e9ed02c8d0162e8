namespace Tracery.Mesh.Metrics;

using System.Collections.Concurrent;

/// <summary>The scopes of one router: <c>rt/&lt;label&gt;/server/…</c>, <c>…/service/…</c> and <c>…/client/…</c> (§4.11).</summary>
public sealed class RouterMetrics(MetricsRegistry registry, string label)
{
    private readonly ConcurrentDictionary<string, RequestStats> _scopes = new(StringComparer.Ordinal);

    public MetricsRegistry Registry => registry;

    public string Prefix { get; } = $"rt/{label}";

    /// <summary>A server scope; <paramref name="serverLabel"/> is <c>ip/port</c> as in Linkerd.</summary>
    public RequestStats Server(string serverLabel) => Scope("server", serverLabel);

    public RequestStats Service(string path) => Scope("service", RequestStats.ScopeName(path));

    public RequestStats Client(string boundId) => Scope("client", RequestStats.ScopeName(boundId));

    public Counter Retries(string path) => ServiceCounter(path, "retries/total", "retries:total");

    public Counter BudgetExhausted(string path) => ServiceCounter(path, "retries/budget_exhausted", "retries:budget_exhausted");

    private RequestStats Scope(string kind, string name) =>
        _scopes.GetOrAdd($"{Prefix}/{kind}/{name}", scope =>
            new RequestStats(registry, scope, new PrometheusName($"rt:{kind}", PrometheusName.Label("rt", label)).WithLabel(kind, name)));

    private Counter ServiceCounter(string path, string metric, string prometheus)
    {
        var service = RequestStats.ScopeName(path);
        var name = $"{Prefix}/service/{service}/{metric}";
        registry.Describe(name, new PrometheusName($"rt:service:{prometheus}", PrometheusName.Label("rt", label)).WithLabel("service", service));
        return registry.Counter(name);
    }
}

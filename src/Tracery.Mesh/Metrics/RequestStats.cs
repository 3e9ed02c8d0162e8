namespace Tracery.Mesh.Metrics;

/// <summary>
/// The counters Finagle keeps under every server, service and client scope: <c>requests</c>, <c>success</c>,
/// <c>failures</c>, <c>status/&lt;code&gt;</c> and the <c>request_latency_ms</c> histogram.
/// </summary>
public sealed class RequestStats
{
    private readonly MetricsRegistry _registry;
    private readonly PrometheusName _prometheus;
    private readonly Counter _requests;
    private readonly Counter _success;
    private readonly Counter _failures;
    private readonly LatencyHistogram _latency;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Counter> _statuses = new();

    /// <param name="prometheus">The scope's Prometheus prefix and labels, e.g. <c>rt:server</c> with rt and server.</param>
    public RequestStats(MetricsRegistry registry, string scope, PrometheusName prometheus)
    {
        _registry = registry;
        _prometheus = prometheus;
        Scope = scope;
        _requests = Counter("requests");
        _success = Counter("success");
        _failures = Counter("failures");
        _latency = registry.Histogram(scope + "/request_latency_ms");
        registry.Describe(scope + "/request_latency_ms", prometheus with { Name = prometheus.Name + ":request_latency_ms" });
    }

    public string Scope { get; }

    public void Record(bool success, TimeSpan elapsed, int? status)
    {
        _latency.Record(elapsed); // first, so whoever sees the request counted also finds its latency in the window
        _requests.Increment();
        (success ? _success : _failures).Increment();
        if (status is int code)
        {
            // Look up first: the method group is a new delegate on every call.
            (_statuses.TryGetValue(code, out var counter) ? counter : _statuses.GetOrAdd(code, StatusCounter)).Increment();
        }
    }

    /// <summary>The scope name for a path or bound id: Linkerd drops the leading '/'.</summary>
    public static string ScopeName(string pathOrId) => pathOrId.TrimStart('/');

    private Counter StatusCounter(int code)
    {
        var name = $"{Scope}/status/{code}";
        _registry.Describe(name, (_prometheus with { Name = _prometheus.Name + ":status" }).WithLabel("status", code.ToString()));
        return _registry.Counter(name);
    }

    private Counter Counter(string metric)
    {
        _registry.Describe($"{Scope}/{metric}", _prometheus with { Name = $"{_prometheus.Name}:{metric}" });
        return _registry.Counter($"{Scope}/{metric}");
    }
}

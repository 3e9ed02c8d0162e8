namespace Tracery.Mesh.Metrics;

using System.Collections.Concurrent;

/// <summary>
/// Every metric of one mesh process under its flat Linkerd name (<c>rt/outgoing/server/127.0.0.1/4140/requests</c>).
/// Metrics are created on first use and live as long as the process, as in Finagle's stats receiver. Counters
/// and gauges are read live; histograms report the last completed minute, rolled together at each minute
/// boundary of <see cref="TimeProvider"/>'s clock (Finagle's latched histograms with <c>latchPeriod</c> 1 minute).
/// </summary>
public sealed class MetricsRegistry : IDisposable
{
    /// <summary>How long one histogram window lasts.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly ITimer _roller;
    private readonly Lock _rolling = new();
    private DateTimeOffset _windowEnds;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LatencyHistogram> _histograms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<double>> _gauges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PrometheusName> _prometheusNames = new(StringComparer.Ordinal);

    public MetricsRegistry(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        var now = _time.GetUtcNow();
        _windowEnds = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % Window.Ticks), TimeSpan.Zero) + Window;
        _roller = _time.CreateTimer(_ => Roll(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _roller.Change(_windowEnds - now, Timeout.InfiniteTimeSpan); // armed once assigned, so Roll can re-arm it
    }

    /// <summary>When the current histogram window ends and its values become visible.</summary>
    public DateTimeOffset WindowEnds
    {
        get
        {
            lock (_rolling)
            {
                return _windowEnds;
            }
        }
    }

    public Counter Counter(string name) => _counters.GetOrAdd(name, static _ => new Counter());

    public LatencyHistogram Histogram(string name) => _histograms.GetOrAdd(name, static _ => new LatencyHistogram());

    public void Gauge(string name, Func<double> read) => _gauges[name] = read;

    /// <summary>Gives a metric its Prometheus name and labels (flat names hide where a scope like <c>0.0.0.0/4140</c> ends).</summary>
    public void Describe(string name, PrometheusName prometheus) => _prometheusNames[name] = prometheus;

    /// <summary>The described Prometheus name, or the flat name with <c>/</c> as <c>:</c> and other odd characters as <c>_</c>.</summary>
    public PrometheusName PrometheusNameOf(string name) =>
        _prometheusNames.TryGetValue(name, out var described) ? described : new PrometheusName(PrometheusName.Sanitize(name.Replace('/', ':')), "");

    /// <summary>All values flattened, histogram fields as <c>name.p99</c>, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Flatten(string? prefix = null)
    {
        var values = new List<KeyValuePair<string, double>>();
        foreach (var (name, counter) in _counters)
        {
            values.Add(new(name, counter.Value));
        }
        foreach (var (name, gauge) in _gauges)
        {
            values.Add(new(name, gauge()));
        }
        foreach (var (name, histogram) in _histograms)
        {
            values.AddRange(histogram.Snapshot().Fields().Select(f => new KeyValuePair<string, double>($"{name}.{f.Suffix}", f.Value)));
        }
        return values
            .Where(v => prefix is null || v.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .ToList();
    }

    public IEnumerable<KeyValuePair<string, Counter>> Counters => _counters;

    public IEnumerable<KeyValuePair<string, Func<double>>> Gauges => _gauges;

    public IEnumerable<KeyValuePair<string, LatencyHistogram>> Histograms => _histograms;

    public void Dispose() => _roller.Dispose();

    /// <summary>
    /// Ends the histogram window at its minute boundary and arms the timer for the next one. The next boundary is
    /// counted from the last, not from now, so a late or early timer never shifts or doubles a window.
    /// </summary>
    private void Roll()
    {
        lock (_rolling)
        {
            foreach (var (_, histogram) in _histograms)
            {
                histogram.Roll();
            }
            var now = _time.GetUtcNow();
            do
            {
                _windowEnds += Window;
            }
            while (_windowEnds <= now);
            _roller.Change(_windowEnds - now, Timeout.InfiniteTimeSpan);
        }
    }
}

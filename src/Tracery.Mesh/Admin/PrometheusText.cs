namespace Tracery.Mesh.Admin;

using System.Globalization;
using System.Text;
using Tracery.Mesh.Metrics;

/// <summary>
/// <c>/admin/metrics/prometheus</c> (the <c>io.l5d.prometheus</c> telemeter): counters and gauges as samples,
/// histograms as summaries with <c>quantile</c> labels plus <c>_count</c> and <c>_sum</c>.
/// </summary>
public static class PrometheusText
{
    private static readonly (string Quantile, Func<HistogramSnapshot, double> Value)[] Quantiles =
    [
        ("0.5", s => s.P50), ("0.9", s => s.P90), ("0.95", s => s.P95), ("0.99", s => s.P99), ("0.999", s => s.P9990), ("0.9999", s => s.P9999),
    ];

    public static string Write(MetricsRegistry registry)
    {
        var text = new StringBuilder();
        foreach (var (name, counter) in registry.Counters.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Sample(text, registry.PrometheusNameOf(name), "", counter.Value);
        }
        foreach (var (name, gauge) in registry.Gauges.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Sample(text, registry.PrometheusNameOf(name), "", gauge());
        }
        foreach (var (name, histogram) in registry.Histograms.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var prometheus = registry.PrometheusNameOf(name);
            var snapshot = histogram.Snapshot();
            foreach (var (quantile, value) in Quantiles)
            {
                Sample(text, prometheus.WithLabel("quantile", quantile), "", value(snapshot));
            }
            Sample(text, prometheus, "_count", snapshot.Count);
            Sample(text, prometheus, "_sum", snapshot.Sum);
        }
        return text.ToString();
    }

    private static void Sample(StringBuilder text, PrometheusName name, string suffix, double value)
    {
        text.Append(name.Name).Append(suffix);
        if (name.Labels.Length > 0)
        {
            text.Append('{').Append(name.Labels).Append('}');
        }
        text.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }
}

namespace Tracery.Server.Admin;

using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracery.Server.Collector;

/// <summary>
/// Collector counters in Zipkin's two shapes (reference §1.5): <c>/metrics</c> as flat JSON keyed
/// <c>counter.zipkin_collector.&lt;name&gt;.&lt;transport&gt;</c>, and <c>/prometheus</c> as the text
/// exposition Micrometer writes, so existing dashboards and alerts keep working. The span writer's
/// backlog and drops follow, under Tracery's own names (<see cref="WriterMeters"/>).
/// </summary>
public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapCollectorMetrics(this IEndpointRouteBuilder endpoints, CollectorMetrics metrics, SpanWriter writer)
    {
        endpoints.MapGet("/metrics", context => WriteJsonAsync(context, metrics, writer));
        endpoints.MapGet("/prometheus", context => WritePrometheusAsync(context, metrics, writer));
        endpoints.MapGet("/actuator/prometheus", context => WritePrometheusAsync(context, metrics, writer));
        return endpoints;
    }

    private static IEnumerable<(string Kind, string Name, long Value)> Meters(TransportMetrics t) =>
    [
        ("counter", "messages", t.Messages),
        ("counter", "messages_dropped", t.MessagesDropped),
        ("counter", "bytes", t.Bytes),
        ("counter", "spans", t.Spans),
        ("counter", "spans_dropped", t.SpansDropped),
        ("gauge", "message_spans", t.MessageSpans),
        ("gauge", "message_bytes", t.MessageBytes),
    ];

    private static async Task WriteJsonAsync(HttpContext context, CollectorMetrics metrics, SpanWriter writer)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        foreach (var transport in metrics.All)
        {
            foreach (var (kind, name, value) in Meters(transport))
            {
                json.WriteNumber($"{kind}.zipkin_collector.{name}.{transport.Transport}", (double)value);
            }
        }
        foreach (var meter in WriterMeters.Of(writer))
        {
            json.WriteNumber($"{meter.Kind}.tracery_storage.{meter.Name}{(meter.Reason is null ? "" : "." + meter.Reason)}", meter.Value);
        }
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static Task WritePrometheusAsync(HttpContext context, CollectorMetrics metrics, SpanWriter writer)
    {
        var text = new StringBuilder();
        foreach (var (kind, name, _) in Meters(metrics.Http))
        {
            var family = kind == "counter" ? $"zipkin_collector_{name}_total" : $"zipkin_collector_{name}";
            text.Append(CultureInfo.InvariantCulture, $"# HELP {family} \n# TYPE {family} {kind}\n");
            foreach (var transport in metrics.All)
            {
                var value = Meters(transport).First(m => m.Name == name).Value;
                text.Append(CultureInfo.InvariantCulture, $"{family}{{transport=\"{transport.Transport}\",}} {value}.0\n");
            }
        }
        foreach (var family in WriterMeters.Of(writer).GroupBy(m => m.Kind == "counter" ? $"tracery_storage_{m.Name}_total" : $"tracery_storage_{m.Name}"))
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {family.Key} \n# TYPE {family.Key} {family.First().Kind}\n");
            foreach (var meter in family)
            {
                var labels = meter.Reason is null ? "" : $"{{reason=\"{meter.Reason}\",}}";
                text.Append(CultureInfo.InvariantCulture, $"{family.Key}{labels} {meter.Value:0.0##}\n");
            }
        }
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}

namespace Tracery.Bench.Server;

using Tracery.Tracing.Model;

/// <summary>
/// Synthetic traces shaped like what a mesh reports: ten spans per trace across three services (of
/// twenty in all), each with endpoints, an HTTP tag set and timestamps inside the last hour.
/// </summary>
internal static class BenchTraces
{
    public const int SpansPerTrace = 10;

    public static string Service(int index) => $"service-{index % Services}";

    public const int Services = 20;

    public const int ServicesPerTrace = 3;

    /// <summary>Trace number <paramref name="trace"/>, deterministic, ending <paramref name="endMicros"/> minus a little.</summary>
    public static IEnumerable<Span> Trace(long trace, long endMicros)
    {
        var builder = new SpanBuilder();
        var traceId = (ulong)(trace + 1) * 0x9E3779B97F4A7C15UL;
        var start = endMicros - 3_600_000_000L + trace * 3_600_000_000L / 200_000 % 3_600_000_000L;
        for (var i = 0; i < SpansPerTrace; i++)
        {
            var local = Service((int)(trace + i % ServicesPerTrace));
            var remote = Service((int)(trace + (i + 1) % ServicesPerTrace));
            builder.Clear()
                .TraceId(0, traceId)
                .Id(traceId + (ulong)i + 1)
                .ParentId(i == 0 ? 0 : traceId + (ulong)i)
                .Kind(i % 2 == 0 ? SpanKind.Server : SpanKind.Client)
                .Name(i == 0 ? "get /" : $"get /api/{i}")
                .Timestamp(start + i * 1000)
                .Duration(100_000 - i * 5000)
                .LocalEndpoint(new Endpoint(local, "10.0.0." + (i + 1), null, 8080))
                .RemoteEndpoint(i % 2 == 0 ? null : new Endpoint(remote, "10.0.1." + (i + 1), null, 4141))
                .PutTag("http.method", "GET")
                .PutTag("http.path", $"/api/{i}")
                .PutTag("http.status_code", "200");
            yield return builder.Build();
        }
    }
}

namespace Tracery.Bench.Server;

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using System.Net;
using HdrHistogram;
using Tracery.Server.Hosting;
using Tracery.Tracing.Model;

/// <summary>
/// Search latency over HTTP with 1,000,000 spans stored: /api/v2/traces?serviceName=X&amp;limit=10, side
/// by side with a narrower search (span name) and a cheap baseline (/api/v2/services).
/// </summary>
internal static class QueryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var spanCount = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        var requests = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
        var options = new TraceServerOptions
        {
            HttpEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            ScribeEnabled = false,
            MaxSpans = spanCount,
        };
        await using var server = await TraceServer.StartAsync(options, CancellationToken.None, logging: l => l.ClearProviders());
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var load = Stopwatch.StartNew();
        for (var t = 0; t < spanCount / BenchTraces.SpansPerTrace; t += 100)
        {
            var batch = new List<Span>(1000);
            for (var i = t; i < t + 100; i++)
            {
                batch.AddRange(BenchTraces.Trace(i, now));
            }
            await server.Store.AcceptAsync(batch);
        }
        Console.WriteLine($"Loaded {spanCount:N0} spans in {load.Elapsed.TotalSeconds:F1} s; managed heap {GC.GetTotalMemory(true) / spanCount:N0} bytes per span.");
        Console.WriteLine();
        Console.WriteLine("| request | requests | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        foreach (var path in (string[])[
            "/api/v2/services",
            "/api/v2/traces?serviceName=service-3&limit=10",
            "/api/v2/traces?serviceName=service-3&spanName=get%20%2Fapi%2F5&limit=10",
            "/api/v2/traces?serviceName=service-3&annotationQuery=http.path%3D%2Fapi%2F4&limit=10"])
        {
            var histogram = new LongHistogram(TimeStamp.Seconds(10), 3);
            for (var i = 0; i < requests / 10; i++)
            {
                await client.GetByteArrayAsync(path);
            }
            for (var i = 0; i < requests; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var body = await client.GetByteArrayAsync(path);
                histogram.RecordValue(Stopwatch.GetTimestamp() - start);
                if (body.Length < 3 && path.Contains("traces", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{path} found nothing");
                }
            }
            double Ms(double percentile) => histogram.GetValueAtPercentile(percentile) * 1000.0 / Stopwatch.Frequency;
            Console.WriteLine($"| `{path}` | {requests:N0} | {Ms(50):F2} | {Ms(90):F2} | {Ms(99):F2} | {histogram.GetMaxValue() * 1000.0 / Stopwatch.Frequency:F2} |");
        }
        return 0;
    }
}

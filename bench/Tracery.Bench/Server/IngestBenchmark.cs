namespace Tracery.Bench.Server;

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Http.Headers;
using Tracery.Server.Hosting;
using Tracery.Storage.Memory;
using Tracery.Tracing.Codec;

/// <summary>
/// Ingest throughput: POST /api/v2/spans in batches of 100 spans, JSON v2 then proto3, each into a
/// fresh memory store, counting a run only once every span is stored. Run the whole process on one
/// core (taskset -c 0): the figure then includes the load generator's own HTTP cost, so it
/// understates what the server alone does per core.
/// </summary>
internal static class IngestBenchmark
{
    private const int BatchSize = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var spans = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        Console.WriteLine("| format | spans | batches of | wall s | spans/s (wall) | CPU s | spans per CPU-second | decode only, spans per CPU-second | store only, spans per CPU-second | stored |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var encoding in (SpanEncoding[])[SpanEncoding.JsonV2, SpanEncoding.Proto3])
        {
            if (!Supported(encoding))
            {
                Console.WriteLine($"| {encoding} | - | - | - | not available in this build | - | - | - | - | - |");
                continue;
            }
            await RunOneAsync(encoding, spans / 5);
            var run = await RunOneAsync(encoding, spans);
            Console.WriteLine($"| {encoding} | {spans:N0} | {BatchSize} | {run.Wall:F2} | {spans / run.Wall:N0} | {run.Cpu:F2} | {spans / run.Cpu:N0} | {run.DecodeOnly:N0} | {run.StoreOnly:N0} | {run.Stored:N0} |");
        }
        return 0;
    }

    private static bool Supported(SpanEncoding encoding)
    {
        try
        {
            SpanBytesEncoder.EncodeList(BenchTraces.Trace(0, 1), encoding);
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private static async Task<(double Wall, double Cpu, double DecodeOnly, double StoreOnly, int Stored)> RunOneAsync(SpanEncoding encoding, int spanCount)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var batches = Enumerable.Range(0, spanCount / BatchSize)
            .Select(b => SpanBytesEncoder.EncodeList(
                Enumerable.Range(0, BatchSize / BenchTraces.SpansPerTrace).SelectMany(t => BenchTraces.Trace((long)b * 10 + t, now)), encoding))
            .ToArray();
        var options = new TraceServerOptions
        {
            HttpEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            ScribeEnabled = false,
            MaxSpans = spanCount + BatchSize,
        };
        await using var server = await TraceServer.StartAsync(options, CancellationToken.None, logging: l => l.ClearProviders());
        var store = (MemorySpanStore)server.Store;
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { BaseAddress = server.BaseAddress };
        var mediaType = encoding == SpanEncoding.Proto3 ? "application/x-protobuf" : "application/json";
        var next = -1;
        var decodeOnly = DecodeRate(batches, encoding);
        var storeOnly = await StoreRateAsync(batches, encoding, options.MaxSpans);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Length)
            {
                var content = new ByteArrayContent(batches[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                using var response = await client.PostAsync("/api/v2/spans", content);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        while (store.SpanCount < batches.Length * BatchSize)
        {
            await Task.Delay(1);
        }
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpuBefore).TotalSeconds, decodeOnly, storeOnly, store.SpanCount);
    }

    // The memory store alone, fed decoded batches on this thread.
    private static async Task<double> StoreRateAsync(byte[][] batches, SpanEncoding encoding, int maxSpans)
    {
        var decoded = batches.Select(b => SpanBytesDecoder.DecodeList(b, encoding)).ToArray();
        var store = new MemorySpanStore(new Tracery.Storage.StorageOptions { MaxSpanCount = maxSpans });
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        foreach (var batch in decoded)
        {
            await store.AcceptAsync(batch);
        }
        process.Refresh();
        return decoded.Length * BatchSize / (process.TotalProcessorTime - cpu).TotalSeconds;
    }

    // The codec alone on this thread, as the floor the HTTP path adds to.
    private static double DecodeRate(byte[][] batches, SpanEncoding encoding)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        foreach (var batch in batches)
        {
            SpanBytesDecoder.DecodeList(batch, encoding);
        }
        process.Refresh();
        return batches.Length * BatchSize / (process.TotalProcessorTime - cpu).TotalSeconds;
    }
}

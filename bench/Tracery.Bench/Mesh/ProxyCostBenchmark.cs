namespace Tracery.Bench.Mesh;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Tracery.Mesh.Config;
using Tracery.Mesh.Hosting;

/// <summary>
/// `proxy-cost`: what one request through a router costs the process, in figures that do not depend on how busy
/// the shared machine is: bytes allocated, CPU time and context switches per request, through an in-process router (tracing at
/// sample rate 1.0 and 0.0) minus the same requests sent directly. The load generator, the router and the upstream
/// share the process, so the direct run's cost (client + upstream) is subtracted. Span reporting runs in the
/// background and is counted as it happens. Options: --requests 20000 --connections 4.
/// </summary>
internal static class ProxyCostBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Option(args, "--requests", 20_000);
        var connections = Option(args, "--connections", 4);
        using var sampler = args.Contains("--types") ? new AllocationSampler() : null;
        await using var upstream = await BenchUpstream.StartAsync();
        await using (var warm = await MeshHost.StartAsync(new MeshConfigLoader().Load(BenchRouterConfig.Yaml(upstream.Port, 1.0))))
        {
            // JIT-compile the router's code (all tiers) before anything is measured, so whichever router runs first
            // does not pay for compiling what the other then reuses.
            var warmRouter = warm.RouterEndpoints["outgoing"][0];
            await SendAsync(() => Client(new WebProxy($"http://{warmRouter}")), new Uri("http://bench/"), requests, connections);
        }
        var direct = await MeasureAsync(() => Client(null), new Uri($"http://127.0.0.1:{upstream.Port}/"), requests, connections);
        Console.WriteLine($"{requests} requests over {connections} connections, 1 KB responses; cost per request in the bench process:");
        Console.WriteLine();
        Console.WriteLine("| target | bytes allocated | CPU µs | context switches | router bytes | router CPU µs | router context switches |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| direct | {direct.Bytes:0} | {direct.CpuMicros:0} | {direct.Switches:0.00} | – | – | – |");
        foreach (var rate in args.Contains("--traced-only") ? [1.0] : new[] { 1.0, 0.0 })
        {
            await using var host = await MeshHost.StartAsync(new MeshConfigLoader().Load(BenchRouterConfig.Yaml(upstream.Port, rate)));
            var router = host.RouterEndpoints["outgoing"][0];
            if (sampler is not null)
            {
                sampler.Recording = rate == (args.Contains("--untraced") ? 0.0 : 1.0);
            }
            var proxied = await MeasureAsync(() => Client(new WebProxy($"http://{router}")), new Uri("http://bench/"), requests, connections);
            if (sampler is not null)
            {
                sampler.Recording = false;
            }
            Console.WriteLine($"| router, sampleRate {rate:0.0} | {proxied.Bytes:0} | {proxied.CpuMicros:0} | {proxied.Switches:0.00} | " +
                $"{proxied.Bytes - direct.Bytes:0} | {proxied.CpuMicros - direct.CpuMicros:0} | {proxied.Switches - direct.Switches:0.00} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Span batches received by the collector: {upstream.SpanBatches}.");
        foreach (var (type, share) in sampler?.Top(25) ?? [])
        {
            Console.WriteLine($"{share,6:P1}  {type}");
        }
        return 0;
    }

    private static async Task<(double Bytes, double CpuMicros, double Switches)> MeasureAsync(Func<HttpClient> client, Uri uri, int requests, int connections)
    {
        await SendAsync(client, uri, requests / 4, connections); // warm-up: JIT, pools, tiering
        await Task.Delay(500);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var switchesBefore = ContextSwitches();
        await SendAsync(client, uri, requests, connections);
        await Task.Delay(500); // let the reporter send what the run queued, so it is counted
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var switches = ContextSwitches() - switchesBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return (bytes / (double)requests, cpu.TotalMicroseconds / requests, switches / (double)requests);
    }

    /// <summary>The process's context switches so far, voluntary and not, summed over its threads (Linux).</summary>
    private static long ContextSwitches()
    {
        long total = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.Contains("ctxt_switches:", StringComparison.Ordinal))
                    {
                        total += long.Parse(line[(line.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // the thread ended while being read
            }
        }
        return total;
    }

    private static async Task SendAsync(Func<HttpClient> client, Uri uri, int requests, int connections)
    {
        var remaining = requests;
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            using var http = client();
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
            }
        })).ToArray();
        await Task.WhenAll(workers);
    }

    private static HttpClient Client(IWebProxy? proxy) => new(new SocketsHttpHandler
    {
        Proxy = proxy,
        UseProxy = proxy is not null,
        MaxConnectionsPerServer = 1,
    });

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

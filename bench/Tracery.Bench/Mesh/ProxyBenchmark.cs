namespace Tracery.Bench.Mesh;

using System.Globalization;
using System.Net;

/// <summary>
/// `proxy`: the same upstream (1 KB responses) measured directly, through one Tracery router (tracing on, sample
/// rate 1.0, spans reported over HTTP) and through nginx, in one run: added latency at a fixed rate, maximum
/// throughput, and the router's peak memory. Options: --rate 2000 --connections 16 --seconds 10
/// --max-connections 32 --max-seconds 6 --sample-rate 1.0 --proxy-env KEY=VALUE (repeatable)
/// --tracery &lt;path to tracery.dll&gt; --tracery-native &lt;path to the Native AOT tracery-mesh&gt; (adds a second
/// router, measured beside the JIT one in the same run).
/// </summary>
internal static class ProxyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = Option(args, "--rate", 2000);
        var connections = Option(args, "--connections", 16);
        var seconds = Option(args, "--seconds", 10);
        var maxConnections = Option(args, "--max-connections", 32);
        var maxSeconds = Option(args, "--max-seconds", 6);
        var tracery = OptionText(args, "--tracery") ?? Demo.TraceryBinary.Find();
        var native = OptionText(args, "--tracery-native");
        var sampleRate = double.Parse(OptionText(args, "--sample-rate") ?? "1.0", CultureInfo.InvariantCulture);
        var environment = args.Select((a, i) => (a, i)).Where(p => p.a == "--proxy-env" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");
        if (tracery is null || !File.Exists(tracery))
        {
            Console.Error.WriteLine("proxy: build the CLI first (dotnet build -c Release src/Tracery.Cli) or pass --tracery <path to tracery.dll>");
            return 2;
        }
        if (native is not null && !File.Exists(native))
        {
            Console.Error.WriteLine($"proxy: --tracery-native {native}: no such file (dotnet publish src/Tracery.Mesh.Native -c Release -r linux-x64)");
            return 2;
        }

        Console.WriteLine($"Load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
        await using var upstream = await BenchUpstream.StartAsync();
        var (traceryProcess, routerPort) = await ProxiesUnderTest.StartTraceryAsync(ProxiesUnderTest.JitCommand(tracery), upstream.Port, sampleRate, environment);
        await using var _ = traceryProcess;
        var (nativeProcess, nativePort) = native is null
            ? ((ProxyProcess?)null, 0)
            : await ProxiesUnderTest.StartTraceryAsync(ProxiesUnderTest.NativeCommand(native), upstream.Port, sampleRate, environment);
        await using var ___ = nativeProcess;
        var (nginxProcess, nginxPort) = await ProxiesUnderTest.StartNginxAsync(upstream.Port);
        await using var __ = nginxProcess;

        var targets = new List<(string Name, Uri Uri, Func<HttpClient> Client, ProxyProcess? Process)>
        {
            ("direct", new Uri($"http://127.0.0.1:{upstream.Port}/"), () => Client(null), null),
            ("tracery router", new Uri("http://bench/"), () => Client(new WebProxy($"http://127.0.0.1:{routerPort}")), traceryProcess),
        };
        if (nativeProcess is not null)
        {
            targets.Add(("tracery native (AOT)", new Uri("http://bench/"), () => Client(new WebProxy($"http://127.0.0.1:{nativePort}")), nativeProcess));
        }
        targets.Add(("nginx", new Uri($"http://127.0.0.1:{nginxPort}/"), () => Client(null), nginxProcess));

        // Warm every target before measuring any: the load generator and the upstream share this process, and
        // whichever target ran first used to pay for tiering up their code (the direct baseline, measured first,
        // came out slower than the proxies in front of it).
        foreach (var (name, uri, client, _) in targets)
        {
            await FixedRateLoad.RunAsync(name, client, uri, rate, connections, TimeSpan.FromSeconds(2));
            await ClosedLoopLoad.RunAsync(client, uri, maxConnections, TimeSpan.FromSeconds(1));
        }
        var latency = new List<LatencyRun>();
        var gcPauses = new List<string>();
        foreach (var (name, uri, client, process) in targets)
        {
            await FixedRateLoad.RunAsync(name, client, uri, rate, connections, TimeSpan.FromSeconds(1)); // connections and pools
            var gcBefore = process is null ? null : await process.GcAsync();
            latency.Add(await FixedRateLoad.RunAsync(name, client, uri, rate, connections, TimeSpan.FromSeconds(seconds)));
            if (gcBefore is { } before && await process!.GcAsync() is { } after)
            {
                gcPauses.Add($"{name} {after.PauseMs - before.PauseMs:0.0} ms in {after.Cycles - before.Cycles:0} collections");
            }
        }
        var throughput = new List<ThroughputRun>();
        foreach (var (name, uri, client, process) in targets)
        {
            await ClosedLoopLoad.RunAsync(client, uri, maxConnections, TimeSpan.FromSeconds(1));
            var cpuBefore = process?.CpuTime();
            var (completed, elapsed) = await ClosedLoopLoad.RunAsync(client, uri, maxConnections, TimeSpan.FromSeconds(maxSeconds));
            throughput.Add(new ThroughputRun(name, completed / elapsed.TotalSeconds, process is null ? null : (process.CpuTime() - cpuBefore!.Value).TotalMicroseconds / completed));
        }

        Console.WriteLine($"Load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
        Report(latency, throughput, traceryProcess.PeakRssMb(), nginxProcess.PeakRssMb(), upstream.SpanBatches, rate, connections, seconds, maxConnections, maxSeconds);
        if (nativeProcess is not null)
        {
            Console.WriteLine($"Peak RSS (VmHWM): tracery native (AOT) router {nativeProcess.PeakRssMb():0.0} MB.");
        }
        Console.WriteLine($"Garbage-collection pauses during the fixed-rate phase ({seconds} s): {string.Join("; ", gcPauses)}.");
        return 0;
    }

    private static void Report(
        List<LatencyRun> runs, List<ThroughputRun> throughput, double traceryRss, double nginxRss, long spanBatches,
        int rate, int connections, int seconds, int maxConnections, int maxSeconds)
    {
        var direct = runs[0];
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        Console.WriteLine($"Fixed rate {rate} req/s over {connections} connections for {seconds} s, 1 KB responses; latency from each request's intended send time (ms):");
        Console.WriteLine();
        Console.WriteLine("| target | p50 | p90 | p99 | p99.9 | max | added p50 | added p99 | errors | achieved req/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in runs)
        {
            Console.WriteLine($"| {run.Target} | {F(run.Ms(50))} | {F(run.Ms(90))} | {F(run.Ms(99))} | {F(run.Ms(99.9))} | {F(run.MaxMs)} | " +
                $"{F(run.Ms(50) - direct.Ms(50))} | {F(run.Ms(99) - direct.Ms(99))} | {run.Errors} | {run.AchievedRate:0} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Maximum throughput, closed loop, {maxConnections} connections for {maxSeconds} s:");
        Console.WriteLine();
        Console.WriteLine("| target | req/s | ratio to nginx | proxy CPU µs per request |");
        Console.WriteLine("|---|---|---|---|");
        var nginx = throughput.Single(t => t.Target == "nginx").Rate;
        foreach (var run in throughput)
        {
            Console.WriteLine($"| {run.Target} | {run.Rate:0} | {run.Rate / nginx:0.00} | {(run.ProxyCpuMicros is { } cpu ? cpu.ToString("0.0", CultureInfo.InvariantCulture) : "–")} |");
        }
        Console.WriteLine();
        Console.WriteLine($"Peak RSS (VmHWM): tracery router {traceryRss:0.0} MB; nginx master + workers {nginxRss:0.0} MB. Span batches received by the collector: {spanBatches}.");
    }

    /// <summary>A closed-loop run: requests per second, and the proxy process's CPU per request (null for direct).</summary>
    private sealed record ThroughputRun(string Target, double Rate, double? ProxyCpuMicros);

    private static HttpClient Client(IWebProxy? proxy) => new(new SocketsHttpHandler
    {
        Proxy = proxy,
        UseProxy = proxy is not null,
        MaxConnectionsPerServer = 1,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

namespace Tracery.Bench.Demo;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

/// <summary>
/// The demo's two promises, measured end to end on the built `tracery` binary:
/// (1) from `tracery demo --once` starting to its trace printed, against `tracery --help` (the process
/// start floor); (2) from hello's response reaching the client to all 8 of its spans being readable
/// from the trace server's API, against one span POSTed straight to the collector (the server floor).
/// </summary>
internal static class DemoBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var tracery = TraceryBinary.Find();
        var offset = 20_000 + Random.Shared.Next(0, 10_000);

        var help = new List<double>();
        var toTrace = new List<double>();
        var toExit = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            help.Add((await TraceryProcess.RunAsync(tracery, "--help", null)).Exit);
            var once = await TraceryProcess.RunAsync(tracery, $"demo --once --port-offset {offset}", "Trace ");
            toTrace.Add(once.Marker ?? double.NaN);
            toExit.Add(once.Exit);
        }

        var (spanDelays, floorDelays) = await SpanDelaysAsync(tracery, offset, requests);

        var report = new StringBuilder();
        report.AppendLine("## Demo: start to trace, and span delivery");
        report.AppendLine();
        report.AppendLine($"`dotnet build -c Release src/Tracery.Cli && dotnet run -c Release --project bench/Tracery.Bench -- demo {runs} {requests}`");
        report.AppendLine();
        report.AppendLine("| measure | runs | median | max | target |");
        report.AppendLine("|---|---|---|---|---|");
        Row(report, "baseline: `tracery --help` start to exit", help, "");
        Row(report, "`tracery demo --once` start to trace printed", toTrace, "<= 3000 ms");
        Row(report, "`tracery demo --once` start to exit (everything stopped)", toExit, "");
        Row(report, "baseline: one span POSTed to the collector, to readable by id", floorDelays, "");
        Row(report, "hello's response received, to its 8 spans readable from the API", spanDelays, "<= 1000 ms");
        Console.Write(report);
        return toTrace.Max() <= 3000 && spanDelays.Max() <= 1000 ? 0 : 1;
    }

    private static async Task<(List<double> Spans, List<double> Floor)> SpanDelaysAsync(string tracery, int offset, int requests)
    {
        await using var demo = await TraceryProcess.StartAsync(tracery, $"demo --port-offset {offset}", "Running.");
        var api = new Uri($"http://127.0.0.1:{9411 + offset}/api/v2/");
        var service = Uri.EscapeDataString($"127.0.0.2/{4140 + offset}");
        using var direct = new HttpClient();
        using var proxied = new HttpClient(new SocketsHttpHandler { Proxy = new WebProxy($"http://127.0.0.2:{4140 + offset}"), UseProxy = true });
        var spans = new List<double>();
        var floor = new List<double>();
        var complete = await CompleteTracesAsync(direct, api, service);
        for (var i = 0; i < requests; i++)
        {
            (await proxied.GetAsync("http://hello/")).EnsureSuccessStatusCode();
            var answered = Stopwatch.StartNew();
            while (await CompleteTracesAsync(direct, api, service) <= complete)
            {
                await Task.Delay(2);
            }
            spans.Add(answered.Elapsed.TotalMilliseconds);
            complete++;
            floor.Add(await DirectSpanDelayAsync(direct, api));
        }
        return (spans, floor);
    }

    private static async Task<int> CompleteTracesAsync(HttpClient client, Uri api, string service)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(api, $"traces?serviceName={service}&limit=10000&lookback=3600000")));
        return json.RootElement.EnumerateArray().Count(t => t.GetArrayLength() >= 8);
    }

    private static async Task<double> DirectSpanDelayAsync(HttpClient client, Uri api)
    {
        var id = Random.Shared.NextInt64(1, long.MaxValue).ToString("x16", CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var body = $$$"""[{"traceId":"{{{id}}}","id":"{{{id}}}","name":"baseline","timestamp":{{{now}}},"duration":1,"localEndpoint":{"serviceName":"bench"}}]""";
        (await client.PostAsync(new Uri(api, "spans"), new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var posted = Stopwatch.StartNew();
        while ((await client.GetAsync(new Uri(api, "trace/" + id))).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(2);
        }
        return posted.Elapsed.TotalMilliseconds;
    }

    private static void Row(StringBuilder report, string what, List<double> values, string target)
    {
        var sorted = values.Order().ToList();
        report.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {values.Count} | {sorted[sorted.Count / 2]:0} ms | {sorted[^1]:0} ms | {target} |");
    }
}

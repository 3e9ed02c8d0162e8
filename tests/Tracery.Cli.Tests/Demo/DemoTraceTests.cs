namespace Tracery.Cli.Tests.Demo;

using System.Net;
using Tracery.Cli.Demo;
using Tracery.Storage.Query;
using Tracery.Tracing.Model;

/// <summary>
/// The whole tutorial in-process, as `tracery demo --once` runs it: the answer through both nodes and
/// the stored trace of 8 chained spans (linkerd.md §3.4), on OS-picked ports.
/// </summary>
public sealed class DemoTraceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task OneRequestAnswersThroughBothNodesAndStoresOneTraceOfEightChainedSpans()
    {
        var options = TestDemo.Options();
        var (console, output) = TestDemo.Console();
        await using var session = await DemoSession.StartAsync(options, CancellationToken.None);
        using var client = DemoScript.CreateClient(options);

        var outcome = await new DemoScript(session, console, TimeProvider.System).RunAsync(client, CancellationToken.None);

        var answer = $"Hello ({options.NodeA}) world ({options.NodeB})!";
        Assert.Equal(HttpStatusCode.OK, outcome.Status);
        Assert.Equal(answer, outcome.Answer);
        var printed = output.ToString();
        Assert.Contains("200 " + answer, printed);
        Assert.Contains("8 spans", printed);
        Assert.Contains("incoming /svc/world (server)", printed);
        Assert.Contains($"zipkin/?serviceName={options.NodeA}%2F{options.Ports.Outgoing}", printed);
        var trace = Assert.Single(await TracesOf(session, options.OutgoingServiceName));
        AssertTutorialChain(options, Chain(trace));
    }

    [Fact]
    public async Task LatencyAddedToWorldShowsInTheLastSpan()
    {
        var options = TestDemo.Options();
        await using var session = await DemoSession.StartAsync(options, CancellationToken.None);
        using var client = DemoScript.CreateClient(options);
        using var direct = new HttpClient();

        // The tutorial's step: slow world down at run time, then send a request.
        using var set = await direct.PostAsync(new Uri(session.World.Address, "/setLatency?latency=300ms"), null);
        Assert.Equal("ok", await set.Content.ReadAsStringAsync());
        var since = DateTimeOffset.UtcNow;
        await SendAsync(client, ("l5d-sample", "1.0"));

        var trace = await new TraceWait(session.Store, TimeProvider.System).ForNewTraceAsync(options.OutgoingServiceName, since, 8, Timeout, CancellationToken.None);
        var chain = Chain(trace!);
        Assert.True(chain[7].Duration >= 300_000, $"the last span (node B's incoming router calling world) took {chain[7].Duration}μs");
    }

    [Fact]
    public async Task ARequestWithL5dSampleZeroLeavesNoTrace()
    {
        var options = TestDemo.Options() with { SampleRate = 0.5 };
        await using var session = await DemoSession.StartAsync(options, CancellationToken.None);
        using var client = DemoScript.CreateClient(options);

        await SendAsync(client, ("l5d-sample", "0"));
        await SendAsync(client, ("l5d-sample", "1.0"));

        // Spans travel in order through one reporter per node, so once the second request's trace is
        // whole, the first request's spans would have been stored too, had there been any.
        var wait = new TraceWait(session.Store, TimeProvider.System);
        Assert.NotNull(await wait.ForNewTraceAsync(options.OutgoingServiceName, DateTimeOffset.UtcNow.AddMinutes(-1), 8, Timeout, CancellationToken.None));
        var trace = Assert.Single(await TracesOf(session, options.OutgoingServiceName));
        Assert.Equal(8, trace.Count);
    }

    [Fact]
    public async Task ARequestWithAB3HeaderJoinsTheCallersTrace()
    {
        var options = TestDemo.Options() with { TracePropagator = "io.l5d.zipkin" };
        await using var session = await DemoSession.StartAsync(options, CancellationToken.None);
        using var client = DemoScript.CreateClient(options);
        const string traceId = "463ac35c9f6413ad48485a3953bb6124";
        const string callerSpan = "0020000000000001";

        await SendAsync(client, ("b3", $"{traceId}-{callerSpan}-1"));

        var trace = await new TraceWait(session.Store, TimeProvider.System).ForTraceAsync(traceId, 8, Timeout, CancellationToken.None);
        Assert.NotNull(trace);
        var chain = Chain(trace, callerSpan);
        Assert.Equal(callerSpan, chain[0].ParentId);
        AssertTutorialChain(options, chain);
    }

    private static async Task SendAsync(HttpClient client, (string Name, string Value) header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://hello/");
        request.Headers.Add(header.Name, header.Value);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<IReadOnlyList<IReadOnlyList<Span>>> TracesOf(DemoSession session, string serviceName) =>
        await session.Store.GetTracesAsync(new QueryRequest
        {
            ServiceName = serviceName,
            EndTs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000,
            Lookback = 600_000,
            Limit = 100,
        });

    /// <summary>The spans ordered from the root down, each the parent of the next; fails if they do not form one chain.</summary>
    private static List<Span> Chain(IReadOnlyList<Span> trace, string? rootParent = null)
    {
        var chain = new List<Span> { Assert.Single(trace, s => s.ParentId == rootParent) };
        while (chain.Count < trace.Count)
        {
            chain.Add(Assert.Single(trace, s => s.ParentId == chain[^1].Id));
        }
        return chain;
    }

    private static void AssertTutorialChain(DemoOptions options, List<Span> chain)
    {
        var (a, b, p) = (options.NodeA, options.NodeB, options.Ports);
        (SpanKind, string, string)[] expected =
        [
            (SpanKind.Server, $"{a}/{p.Outgoing}", "outgoing /svc/hello"),
            (SpanKind.Client, $"%/io.l5d.port/{p.Incoming}/#/io.l5d.fs/hello", "get /"),
            (SpanKind.Server, $"{a}/{p.Incoming}", "incoming /svc/hello"),
            (SpanKind.Client, $"%/io.l5d.specifichost/{a}/#/io.l5d.fs/hello", "get /"),
            (SpanKind.Server, $"{a}/{p.Outgoing}", "outgoing /svc/world"),
            (SpanKind.Client, $"%/io.l5d.port/{p.Incoming}/#/io.l5d.fs/world", "get /"),
            (SpanKind.Server, $"{b}/{p.Incoming}", "incoming /svc/world"),
            (SpanKind.Client, $"%/io.l5d.specifichost/{b}/#/io.l5d.fs/world", "get /"),
        ];
        Assert.Equal(expected, chain.Select(s => (s.Kind, s.LocalServiceName!, s.Name!)));
        Assert.Single(chain.Select(s => s.TraceId).Distinct());
    }
}

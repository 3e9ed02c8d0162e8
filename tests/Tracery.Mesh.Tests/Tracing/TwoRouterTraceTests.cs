namespace Tracery.Mesh.Tests.Tracing;

using System.Net;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Routing;
using Tracery.Mesh.Tests.Support;
using Tracery.Mesh.Tracing;
using Tracery.Tracing.Context;
using Tracery.Tracing.Model;

/// <summary>
/// A request through two real routers, as between two mesh nodes: node A's outgoing router on 127.0.0.2 forwards to
/// node B's incoming router on 127.0.0.3, which forwards to the upstream. Four spans chain parent to child.
/// </summary>
public sealed class TwoRouterTraceTests
{
    private readonly CollectingSpanSink sink = new();

    private static RouterDefinition Router(string label, string ip, string boundId, Address target, IRouterTracer tracer) =>
        new(label, [new IPEndPoint(IPAddress.Parse(ip), 0)], new HostTokenIdentifier(),
            new TableInterpreter().Bind("/svc/hello", boundId, new StaticAddressSet(target)), Dtab.Empty)
        {
            Tracer = tracer,
        };

    private async Task<(IReadOnlyList<Span> Spans, ReceivedRequest Seen, int PortA, int PortB, int PortUp)> RunAsync(TracePropagation propagation)
    {
        await using var upstream = await Upstream.StartAsync();
        // Node B samples nothing by itself: the sampled flag carried from node A must decide.
        await using var nodeB = await TestMesh.StartAsync(Router(
            "incoming", "127.0.0.3", "/%/io.l5d.localhost/#/io.l5d.fs/hello", upstream.Address,
            new RouterTracer(new RouterTracerOptions(0.0, propagation), sink)));
        await using var nodeA = await TestMesh.StartAsync(Router(
            "outgoing", "127.0.0.2", "/%/io.l5d.port/4141/#/io.l5d.fs/hello", new Address("127.0.0.3", nodeB.Router.Port),
            new RouterTracer(new RouterTracerOptions(1.0, propagation), sink)));

        (await nodeA.Client.GetAsync("http://hello/greet?name=x")).EnsureSuccessStatusCode();

        var spans = await Eventually.Value(() => sink.Spans, s => s.Count == 4);
        return (spans, Assert.Single(upstream.Received), nodeA.Router.Port, nodeB.Router.Port, upstream.Port);
    }

    [Theory]
    [InlineData(TracePropagation.Linkerd)]
    [InlineData(TracePropagation.Zipkin)]
    public async Task FourSpansChainThroughTwoRouters(TracePropagation propagation)
    {
        var (spans, _, portA, portB, portUp) = await RunAsync(propagation);

        var s1 = Assert.Single(spans, s => s.Kind == SpanKind.Server && s.Name == "outgoing /svc/hello");
        var s2 = Assert.Single(spans, s => s.ParentId == s1.Id);
        var s3 = Assert.Single(spans, s => s.ParentId == s2.Id);
        var s4 = Assert.Single(spans, s => s.ParentId == s3.Id);
        Assert.Null(s1.ParentId);
        Assert.All(spans, s => Assert.Equal(s1.TraceId, s.TraceId));
        Assert.Equal(4, spans.Select(s => s.Id).Distinct().Count());

        Assert.Equal($"127.0.0.2/{portA}", s1.LocalServiceName);
        Assert.Equal((SpanKind.Client, "get /greet"), (s2.Kind, s2.Name));
        Assert.Equal("%/io.l5d.port/4141/#/io.l5d.fs/hello", s2.LocalServiceName);
        Assert.Equal(new Endpoint("hello", "127.0.0.3", null, portB), s2.RemoteEndpoint);
        Assert.Equal("/greet?name=x", s2.Tags["http.uri"]);
        Assert.Equal("200", s2.Tags["http.rsp.status"]);
        Assert.Equal("1.0", s2.Tags["l5d.success"]);

        Assert.Equal((SpanKind.Server, "incoming /svc/hello"), (s3.Kind, s3.Name));
        Assert.Equal($"127.0.0.3/{portB}", s3.LocalServiceName);
        Assert.NotNull(s3.RemoteEndpoint?.Ipv4); // the caller: node A, from whatever loopback source address the kernel picked
        Assert.Equal("/%/io.l5d.localhost/#/io.l5d.fs/hello", s3.Tags["client"]);

        Assert.Equal((SpanKind.Client, "get /greet"), (s4.Kind, s4.Name));
        Assert.Equal("%/io.l5d.localhost/#/io.l5d.fs/hello", s4.LocalServiceName);
        Assert.Equal(new Endpoint("hello", "127.0.0.1", null, portUp), s4.RemoteEndpoint);
    }

    [Fact]
    public async Task TheUpstreamGetsTheLastClientSpanAsItsContext()
    {
        var (spans, seen, _, _, _) = await RunAsync(TracePropagation.Linkerd);

        var s4 = spans.Single(s => s.Kind == SpanKind.Client && s.LocalServiceName!.StartsWith("%/io.l5d.localhost", StringComparison.Ordinal));
        Assert.True(L5dCtxTrace.TryDecode(seen.Headers["l5d-ctx-trace"], out var context));
        Assert.Equal((s4.TraceId, s4.Id, s4.ParentId), (context.TraceIdHex, context.SpanIdHex, HexId.Format(context.ParentId)));
        Assert.True(context.Sampled);
        Assert.Equal(s4.TraceId, seen.Headers["l5d-reqid"]);
    }

    [Fact]
    public async Task WithZipkinPropagationTheUpstreamGetsB3Headers()
    {
        var (spans, seen, _, _, _) = await RunAsync(TracePropagation.Zipkin);

        var s4 = spans.Single(s => s.Kind == SpanKind.Client && s.LocalServiceName!.StartsWith("%/io.l5d.localhost", StringComparison.Ordinal));
        Assert.Equal(s4.Id, seen.Headers["x-b3-spanid"]);
        Assert.Equal(s4.ParentId, seen.Headers["x-b3-parentspanid"]);
        Assert.Equal("1", seen.Headers["x-b3-sampled"]);
        Assert.Equal($"{s4.TraceId}-{s4.Id}-1-{s4.ParentId}", seen.Headers["b3"]);
        Assert.False(seen.Headers.ContainsKey("l5d-ctx-trace"));
    }
}

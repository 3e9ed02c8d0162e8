namespace Tracery.Mesh.Tests.Tracing;

using System.Net;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Tracing;
using Tracery.Tracing.Context;
using Tracery.Tracing.Model;

public sealed class RouterTracerSpanTests
{
    private readonly CollectingSpanSink sink = new();

    [Fact]
    public void ARootRequestGivesAServerSpanAndAClientChild()
    {
        RouterHop.Run(new RouterTracer(new RouterTracerOptions(1.0), sink), RouterHop.Incoming());

        var (server, client) = (sink.Spans.Single(s => s.Kind == SpanKind.Server), sink.Spans.Single(s => s.Kind == SpanKind.Client));
        Assert.Null(server.ParentId);
        Assert.Equal(server.TraceId, server.Id);
        Assert.Equal(server.Id, client.ParentId);
        Assert.Equal(server.TraceId, client.TraceId);
        Assert.NotEqual(server.Id, client.Id);
    }

    [Fact]
    public void TheServerSpanIsNamedAndTaggedAsLinkerdDoes()
    {
        RouterHop.Run(new RouterTracer(new RouterTracerOptions(1.0), sink), RouterHop.Incoming());

        var server = sink.Spans.Single(s => s.Kind == SpanKind.Server);
        Assert.Equal("outgoing /svc/hello", server.Name);
        Assert.Equal(new Endpoint("127.0.0.2/4140", "127.0.0.2", null, 4140), server.LocalEndpoint);
        Assert.Equal(new Endpoint(null, "127.0.0.9", null, 50123), server.RemoteEndpoint);
        Assert.Equal("outgoing", server.Tags["router.label"]);
        Assert.Equal("/svc/hello", server.Tags["service"]);
        Assert.Equal("/svc=>/#/io.l5d.fs", server.Tags["dtab.base"]);
        Assert.Equal(string.Empty, server.Tags["dtab.local"]);
        Assert.Equal("/#/io.l5d.fs/hello", server.Tags["client"]);
        Assert.Equal("/", server.Tags["residual"]);
        Assert.Equal(["wr", "ws"], server.Annotations.Select(a => a.Value));
        Assert.True(server.Timestamp > 0 && server.Duration > 0);
    }

    [Fact]
    public void TheClientSpanCarriesTheHttpAnnotationsAndTheLogicalService()
    {
        RouterHop.Run(new RouterTracer(new RouterTracerOptions(1.0), sink), RouterHop.Incoming());

        var client = sink.Spans.Single(s => s.Kind == SpanKind.Client);
        Assert.Equal("get /hello", client.Name);
        Assert.Equal("#/io.l5d.fs/hello", client.LocalServiceName);
        Assert.Equal(new Endpoint("hello", "127.0.0.3", null, 4141), client.RemoteEndpoint);
        Assert.Equal("/hello?x=1", client.Tags["http.uri"]);
        Assert.Equal("GET", client.Tags["http.req.method"]);
        Assert.Equal("hello", client.Tags["http.req.host"]);
        Assert.Equal("HTTP/1.1", client.Tags["http.req.version"]);
        Assert.Equal("200", client.Tags["http.rsp.status"]);
        Assert.Equal("2", client.Tags["http.rsp.content-length"]);
        Assert.StartsWith("text/plain", client.Tags["http.rsp.content-type"]);
        Assert.Equal("1.0", client.Tags["l5d.success"]);
        Assert.Equal(["ws", "wr"], client.Annotations.Select(a => a.Value));
    }

    [Fact]
    public void EachRetryIsAnotherClientSpanWithItsVerdict()
    {
        var tracer = new RouterTracer(new RouterTracerOptions(1.0), sink);
        var scope = tracer.StartServer(RouterHop.Incoming(), "outgoing", RouterHop.NodeA);
        var first = tracer.StartClient(scope, "#/io.l5d.fs/hello", "hello", RouterHop.Outgoing());
        first.RecordOutcome(ResponseClass.RetryableFailure);
        first.Finish();
        var second = tracer.StartClient(scope, "#/io.l5d.fs/hello", "hello", RouterHop.Outgoing());
        second.RecordOutcome(ResponseClass.Success);
        second.Finish();
        scope.Finish(200);

        var clients = sink.Spans.Where(s => s.Kind == SpanKind.Client).ToList();
        Assert.Equal(2, clients.Count);
        Assert.All(clients, c => Assert.Equal(scope.Context.SpanIdHex, c.ParentId));
        Assert.NotEqual(clients[0].Id, clients[1].Id);
        Assert.Contains(clients[0].Annotations, a => a.Value == "l5d.retryable");
        Assert.Equal("1.0", clients[1].Tags["l5d.success"]);
    }

    [Fact]
    public void RoutingFailuresAreTaggedOnTheServerSpan()
    {
        var tracer = new RouterTracer(new RouterTracerOptions(1.0), sink);
        using (var scope = tracer.StartServer(RouterHop.Incoming(), "outgoing", RouterHop.NodeA))
        {
            scope.SetFailure(RoutingFailure.Identification, "no host header");
        }

        var server = Assert.Single(sink.Spans);
        Assert.Equal("Identification", server.Tags["io.buoyant.router.Failure"]);
        Assert.Equal("no host header", server.Tags["error"]);
        Assert.Equal("outgoing", server.Name);
    }

    [Fact]
    public void AServerErrorIsTaggedAsAnError()
    {
        var tracer = new RouterTracer(new RouterTracerOptions(1.0), sink);

        tracer.StartServer(RouterHop.Incoming(), "outgoing", RouterHop.NodeA).Finish(502);

        Assert.Equal("502", Assert.Single(sink.Spans).Tags["error"]);
    }

    [Fact]
    public void ASpanIsReportedOnceHoweverOftenItEnds()
    {
        var tracer = new RouterTracer(new RouterTracerOptions(1.0), sink);
        var scope = tracer.StartServer(RouterHop.Incoming(), "outgoing", RouterHop.NodeA);
        var attempt = tracer.StartClient(scope, "c", "hello", RouterHop.Outgoing());

        attempt.Finish();
        attempt.Dispose();
        scope.Finish(200);
        scope.Dispose();

        Assert.Equal(2, sink.Spans.Count);
    }

    [Fact]
    public void TwoRoutersChainFourSpans()
    {
        var nodeA = new RouterTracer(new RouterTracerOptions(1.0), sink);
        var nodeB = new RouterTracer(new RouterTracerOptions(0.0), sink);
        var toB = RouterHop.Run(nodeA, RouterHop.Incoming());
        var atB = RouterHop.Incoming("/hello", (L5dCtxTrace.HeaderName, toB.Headers.GetValues(L5dCtxTrace.HeaderName).Single()));

        RouterHop.Run(nodeB, atB, "incoming", new IPEndPoint(IPAddress.Parse("127.0.0.3"), 4141));

        var spans = sink.Spans;
        Assert.Equal(4, spans.Count);
        var s1 = spans.Single(s => s.Name == "outgoing /svc/hello");
        var s3 = spans.Single(s => s.Name == "incoming /svc/hello");
        var (s2, s4) = (spans.Single(s => s.ParentId == s1.Id), spans.Single(s => s.ParentId == s3.Id));
        Assert.Equal(s2.Id, s3.ParentId);
        Assert.All(spans, s => Assert.Equal(s1.TraceId, s.TraceId));
        Assert.Equal("127.0.0.3/4141", s3.LocalServiceName);
        Assert.Equal(SpanKind.Client, s4.Kind);
    }
}

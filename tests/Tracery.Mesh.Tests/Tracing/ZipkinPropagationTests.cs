namespace Tracery.Mesh.Tests.Tracing;

using Tracery.Mesh.Tracing;
using Tracery.Tracing.Context;
using Tracery.Tracing.Model;

public sealed class ZipkinPropagationTests
{
    private readonly CollectingSpanSink sink = new();
    private readonly RouterTracer tracer;

    public ZipkinPropagationTests() =>
        tracer = new RouterTracer(new RouterTracerOptions(0.0, TracePropagation.Zipkin), sink);

    private static string Header(HttpRequestMessage message, string name) => message.Headers.GetValues(name).Single();

    [Fact]
    public void ReadsMultiHeadersAndWritesBothFormsKeeping128BitIds()
    {
        var context = RouterHop.Incoming(
            "/",
            ("X-B3-TraceId", "463ac35c9f6413ad48485a3953bb6124"),
            ("X-B3-SpanId", "a2fb4a1d1a96d312"),
            ("X-B3-Sampled", "1"));

        var outgoing = RouterHop.Run(tracer, context);

        var server = sink.Spans.Single(s => s.Kind == SpanKind.Server);
        Assert.Equal("463ac35c9f6413ad48485a3953bb6124", server.TraceId);
        Assert.Equal("a2fb4a1d1a96d312", server.ParentId);
        Assert.Equal("463ac35c9f6413ad48485a3953bb6124", Header(outgoing, "x-b3-traceid"));
        var client = sink.Spans.Single(s => s.Kind == SpanKind.Client);
        Assert.Equal(client.Id, Header(outgoing, "x-b3-spanid"));
        Assert.Equal(server.Id, Header(outgoing, "x-b3-parentspanid"));
        Assert.Equal("1", Header(outgoing, "x-b3-sampled"));
        Assert.Equal("6", Header(outgoing, "x-b3-flags"));
        Assert.Equal($"463ac35c9f6413ad48485a3953bb6124-{client.Id}-1-{server.Id}", Header(outgoing, "b3"));
        Assert.False(outgoing.Headers.Contains(L5dCtxTrace.HeaderName));
        Assert.False(outgoing.Headers.Contains(L5dReqId.HeaderName));
    }

    [Fact]
    public void TheSingleHeaderWinsOverTheMultiHeaders()
    {
        var context = RouterHop.Incoming(
            "/",
            ("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1"),
            ("X-B3-TraceId", "463ac35c9f6413ad48485a3953bb6124"),
            ("X-B3-SpanId", "a2fb4a1d1a96d312"));

        RouterHop.Run(tracer, context);

        Assert.All(sink.Spans, s => Assert.Equal("80f198ee56343ba864fe8b2a57d3eff7", s.TraceId));
    }

    [Fact]
    public void AMalformedSingleHeaderFallsBackToTheMultiHeaders()
    {
        var context = RouterHop.Incoming(
            "/",
            ("b3", "nonsense-header"),
            ("X-B3-TraceId", "48485a3953bb6124"),
            ("X-B3-SpanId", "a2fb4a1d1a96d312"),
            ("X-B3-Sampled", "1"));

        RouterHop.Run(tracer, context);

        Assert.All(sink.Spans, s => Assert.Equal("48485a3953bb6124", s.TraceId));
    }

    [Fact]
    public void ASamplingOnlyHeaderStartsARootWithThatDecision()
    {
        var outgoing = RouterHop.Run(tracer, RouterHop.Incoming("/", ("b3", "1")));

        Assert.Null(sink.Spans.Single(s => s.Kind == SpanKind.Server).ParentId);
        Assert.Equal("1", Header(outgoing, "x-b3-sampled"));
    }

    [Fact]
    public void LinkerdHeadersAreDroppedUnread()
    {
        var ctx = L5dCtxTrace.Encode(new TraceContext(0, 0x216a2aea45d08fc9, 0x5b4185666d50f68b, 0, true, false));
        var context = RouterHop.Incoming("/", (L5dCtxTrace.HeaderName, ctx), (L5dSample.HeaderName, "1.0"));

        RouterHop.Run(tracer, context);

        Assert.Empty(sink.Spans);
        Assert.False(context.Request.Headers.ContainsKey(L5dCtxTrace.HeaderName));
        Assert.False(context.Request.Headers.ContainsKey(L5dSample.HeaderName));
    }

    [Fact]
    public void TheDefaultPropagatorLeavesB3HeadersAlone()
    {
        var context = RouterHop.Incoming("/", ("X-B3-TraceId", "48485a3953bb6124"), ("X-B3-SpanId", "a2fb4a1d1a96d312"), ("X-B3-Sampled", "1"));

        RouterHop.Run(new RouterTracer(new RouterTracerOptions(0.0), sink), context);

        Assert.Empty(sink.Spans);
        Assert.Equal("48485a3953bb6124", context.Request.Headers["X-B3-TraceId"].ToString());
    }
}

namespace Tracery.Mesh.Tests.Tracing;

using Tracery.Mesh.Tracing;
using Tracery.Tracing.Context;

public sealed class RouterTracerSamplingTests
{
    private readonly CollectingSpanSink sink = new();

    private static string Incoming(bool? sampled, bool debug = false) =>
        L5dCtxTrace.Encode(new TraceContext(0, 0x216a2aea45d08fc9, 0x5b4185666d50f68b, 0x6b221d5bc9e6496c, sampled, debug));

    [Fact]
    public void AnUnsampledRequestRecordsNothingButStillPropagates()
    {
        var outgoing = RouterHop.Run(new RouterTracer(new RouterTracerOptions(0.0), sink), RouterHop.Incoming());

        Assert.Empty(sink.Spans);
        Assert.True(L5dCtxTrace.TryDecode(outgoing.Headers.GetValues(L5dCtxTrace.HeaderName).Single(), out var sent));
        Assert.False(sent.Sampled);
        Assert.Equal(L5dReqId.Format(sent), outgoing.Headers.GetValues(L5dReqId.HeaderName).Single());
    }

    [Fact]
    public void TheIncomingDecisionWinsOverTheRate()
    {
        RouterHop.Run(new RouterTracer(new RouterTracerOptions(0.0), sink), RouterHop.Incoming("/", (L5dCtxTrace.HeaderName, Incoming(true))));
        Assert.Equal(2, sink.Spans.Count);

        RouterHop.Run(new RouterTracer(new RouterTracerOptions(1.0), sink), RouterHop.Incoming("/", (L5dCtxTrace.HeaderName, Incoming(false))));
        Assert.Equal(2, sink.Spans.Count);
    }

    [Fact]
    public void AnUndecidedIncomingTraceIsDecidedByTheRate()
    {
        RouterHop.Run(new RouterTracer(new RouterTracerOptions(1.0), sink), RouterHop.Incoming("/", (L5dCtxTrace.HeaderName, Incoming(null))));

        Assert.Equal(2, sink.Spans.Count);
        Assert.All(sink.Spans, s => Assert.Equal("216a2aea45d08fc9", s.TraceId));
    }

    [Fact]
    public void TheDebugFlagForcesSamplingAndIsReported()
    {
        RouterHop.Run(new RouterTracer(new RouterTracerOptions(0.0), sink), RouterHop.Incoming("/", (L5dCtxTrace.HeaderName, Incoming(false, debug: true))));

        Assert.Equal(2, sink.Spans.Count);
        Assert.All(sink.Spans, s => Assert.True(s.Debug));
    }

    [Theory]
    [InlineData("1.0", false, 0.0, true)]
    [InlineData("0", true, 1.0, false)]
    [InlineData("junk", null, 1.0, true)]
    public void L5dSampleOverridesTheDecision(string sample, bool? incoming, double rate, bool recorded)
    {
        var context = RouterHop.Incoming("/", (L5dSample.HeaderName, sample), (L5dCtxTrace.HeaderName, Incoming(incoming)));

        var outgoing = RouterHop.Run(new RouterTracer(new RouterTracerOptions(rate), sink), context);

        Assert.Equal(recorded ? 2 : 0, sink.Spans.Count);
        Assert.False(context.Request.Headers.ContainsKey(L5dSample.HeaderName));
        Assert.True(L5dCtxTrace.TryDecode(outgoing.Headers.GetValues(L5dCtxTrace.HeaderName).Single(), out var sent));
        Assert.Equal(recorded, sent.Sampled);
    }

    [Fact]
    public void AnUndecodableContextStartsANewRoot()
    {
        var context = RouterHop.Incoming("/", (L5dCtxTrace.HeaderName, "garbage"));

        RouterHop.Run(new RouterTracer(new RouterTracerOptions(1.0), sink), context);

        Assert.False(context.Request.Headers.ContainsKey(L5dCtxTrace.HeaderName));
        Assert.Null(sink.Spans.Single(s => s.Kind == Tracery.Tracing.Model.SpanKind.Server).ParentId);
    }
}

namespace Tracery.Storage.Tests.Conformance;

using Tracery.Tracing.Model;
using static TestObjects;

/// <summary>Zipkin's ITTraces (§4.3): reading traces by id.</summary>
public abstract class TracesConformance : StoreConformance
{
    [Fact]
    public async Task GetTrace_ReturnsEmptyOnNotFound()
    {
        var trace = NewTrace(TestSuffix);
        var traceId = trace[0].TraceId;
        await AssertGetTraceReturnsEmptyAsync(traceId);

        await AcceptAsync(trace);

        await AssertGetTraceReturnsAsync(traceId, trace);
        // With strict trace ids, the low 64 bits alone name a different trace.
        await AssertGetTraceReturnsEmptyAsync(traceId[16..]);
    }

    [Fact]
    public async Task GetTrace_DifferentiatesDebugFromShared()
    {
        var (clientSpan, serverSpan) = DebugAndShared();
        await AcceptAsync(clientSpan, serverSpan);

        await AssertGetTraceReturnsAsync(clientSpan.TraceId, [clientSpan, serverSpan]);
    }

    [Fact]
    public async Task GetTraces_DifferentiatesDebugFromShared()
    {
        var (clientSpan, serverSpan) = DebugAndShared();
        await AcceptAsync(clientSpan, serverSpan);

        await AssertGetTracesReturnsAsync([clientSpan.TraceId], [clientSpan, serverSpan]);
    }

    (Span Client, Span Server) DebugAndShared()
    {
        var clientSpan = NewClientSpan(TestSuffix) with { Debug = true };
        return (clientSpan, clientSpan with { Kind = SpanKind.Server, Debug = false, Shared = true });
    }

    [Fact]
    public async Task GetTraces_OnlyReturnsTracesThatMatch()
    {
        var trace = NewTrace(TestSuffix);
        await AcceptAsync(trace);

        await AssertGetTracesReturnsAsync([trace[0].TraceId, NewTraceId()], trace);
    }

    [Fact]
    public async Task GetTraces_ReturnsEmptyOnNotFound()
    {
        var trace1 = NewTrace(TestSuffix);
        var trace2 = NewTrace(TestSuffix);
        var (traceId1, traceId2) = (trace1[0].TraceId, trace2[0].TraceId);
        await AssertGetTracesReturnsAsync([traceId1, traceId2]);

        await AcceptAsync(trace1.Concat(trace2));

        await AssertGetTracesReturnsAsync([traceId1, traceId2], trace1, trace2);
        await AssertGetTracesReturnsAsync([traceId1[16..], traceId2[16..]]);
    }

    /// <summary>Optional in Zipkin: every backend here de-duplicates exact copies.</summary>
    [Fact]
    public async Task GetTrace_Deduplicates()
    {
        var span = NewClientSpan(TestSuffix);
        await AcceptAsync(span);
        await AcceptAsync(span);

        await AssertGetTraceReturnsAsync(span);
    }
}

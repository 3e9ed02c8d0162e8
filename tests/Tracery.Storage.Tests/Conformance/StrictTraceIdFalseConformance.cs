namespace Tracery.Storage.Tests.Conformance;

using Tracery.Tracing.Model;
using static TestObjects;

/// <summary>Zipkin's ITStrictTraceIdFalse (§4.5): 64- and 128-bit forms of an id are one trace.</summary>
public abstract class StrictTraceIdFalseConformance : StoreConformance
{
    protected override StorageOptions Options => new() { StrictTraceId = false };

    [Fact]
    public async Task GetTraces_128BitTraceId() => await AssertFoundByEitherSideAsync(await Accept128BitTraceAsync());

    [Fact]
    public async Task GetTraces_128BitTraceId_Mixed() => await AssertFoundByEitherSideAsync(await AcceptMixedTraceAsync());

    async Task AssertFoundByEitherSideAsync(List<Span> trace)
    {
        var frontend = AppendSuffix(Frontend.ServiceName!, TestSuffix);
        var backend = AppendSuffix(Backend.ServiceName!, TestSuffix);
        await AssertGetTracesReturnsAsync(Request(), trace);
        // by the 128-bit side's service and data
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: frontend, annotationQuery: "foo"), trace);
        // by the 64-bit side's service and data
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: backend, annotationQuery: "error"), trace);
    }

    [Fact]
    public async Task GetTrace_RetrievesBy64Or128BitTraceId() => await RetrievesBy64Or128BitTraceId(await Accept128BitTraceAsync());

    [Fact]
    public async Task GetTrace_RetrievesBy64Or128BitTraceId_Mixed() => await RetrievesBy64Or128BitTraceId(await AcceptMixedTraceAsync());

    async Task RetrievesBy64Or128BitTraceId(List<Span> trace)
    {
        var traceId = trace.First(s => s.TraceId.Length == 32).TraceId;
        await AssertGetTraceReturnsAsync(traceId, trace);
        await AssertGetTraceReturnsAsync(traceId[16..], trace);
    }

    async Task<List<Span>> Accept128BitTraceAsync()
    {
        var trace = NewTrace(TestSuffix);
        trace.Reverse();
        await AcceptAsync(trace);
        return trace;
    }

    /// <summary>Spans after the outbound client carry the 64-bit id, as from a server that downgraded.</summary>
    async Task<List<Span>> AcceptMixedTraceAsync()
    {
        var trace = NewTrace(TestSuffix);
        var downgraded = trace[0].TraceId[16..];
        for (var i = 2; i < trace.Count; i++) trace[i] = trace[i] with { TraceId = downgraded };
        trace.Reverse();
        await AcceptAsync(trace);
        return trace;
    }

    /// <summary>By-id lookups with any mix of forms return both halves together.</summary>
    [Fact]
    public async Task GetTraces_RetrievesBy64Or128BitTraceId()
    {
        (Span With128, Span With64) Pair(string id)
        {
            var with128 = SpanBuilder(TestSuffix);
            return (with128, with128 with { TraceId = with128.TraceId[16..], Id = id, Timestamp = with128.Timestamp + 1000 });
        }
        var (with128BitId1, with64BitId1) = Pair(Id(0xa));
        var (with128BitId2, with64BitId2) = Pair(Id(0xb));
        var (with128BitId3, with64BitId3) = Pair(Id(0xc));
        await AcceptAsync(with128BitId1, with64BitId1, with128BitId2, with64BitId2, with128BitId3, with64BitId3);

        IReadOnlyList<Span>[] trace1And3 = [[with128BitId1, with64BitId1], [with128BitId3, with64BitId3]];
        await AssertGetTracesReturnsAsync([with128BitId1.TraceId, with64BitId1.TraceId, with128BitId3.TraceId, with64BitId3.TraceId], trace1And3);
        await AssertGetTracesReturnsAsync([with64BitId1.TraceId, with64BitId3.TraceId], trace1And3);
        await AssertGetTracesReturnsAsync([with128BitId1.TraceId, with128BitId3.TraceId], trace1And3);
    }
}

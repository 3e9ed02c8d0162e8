namespace Tracery.Storage.Tests.Conformance;

using Tracery.Tracing.Model;
using static TestObjects;

/// <summary>
/// Zipkin's ITDependencies (§4.6) and ITDependenciesHeavy. Service names carry the test's suffix and
/// trace ids are random, so the expected links name this test's services only.
/// </summary>
public abstract partial class DependenciesConformance : StoreConformance
{
    protected string FrontendName => AppendSuffix("frontend", TestSuffix);
    protected string BackendName => AppendSuffix("backend", TestSuffix);
    protected string DbName => AppendSuffix("db", TestSuffix);
    protected string KafkaName => AppendSuffix("kafka", TestSuffix);
    protected Endpoint FrontendEndpoint => SuffixServiceName(Frontend, TestSuffix);
    protected Endpoint BackendEndpoint => SuffixServiceName(Backend, TestSuffix);
    protected Endpoint DbEndpoint => SuffixServiceName(Db, TestSuffix);

    List<Span>? _trace;

    /// <summary>Zipkin's TRACE: one per test, with this test's service names.</summary>
    protected List<Span> Trace => _trace ??= NewTrace(TestSuffix);

    protected long TraceStartTs => StartTs(Trace);
    protected long TraceDuration => Trace[0].Duration / 1000;
    protected long TraceEndTs => EndTs(Trace);

    protected DependencyLink[] Links =>
    [
        new(FrontendName, BackendName, 1, 0),
        new(BackendName, DbName, 1, 1),
    ];

    /// <summary>Override when links are aggregated by a separate job; it must finish before returning.</summary>
    protected virtual Task ProcessDependenciesAsync(IEnumerable<Span> spans) => AcceptAsync(spans);

    protected async Task AssertLinksAsync(long endTs, long lookback, params DependencyLink[] expected)
    {
        var actual = await Store.GetDependenciesAsync(endTs, lookback);
        Assert.Equal(Sorted(expected), Sorted(actual));
    }

    static List<DependencyLink> Sorted(IEnumerable<DependencyLink> links) =>
        links.OrderBy(l => l.Parent, StringComparer.Ordinal).ThenBy(l => l.Child, StringComparer.Ordinal).ToList();

    protected Span Make(string traceId, string? parentId, string id, SpanKind kind, Endpoint? local, long timestampMillis, long durationMillis = 0) => new()
    {
        TraceId = traceId, ParentId = parentId, Id = id, Kind = kind, Name = "get", LocalEndpoint = local,
        Timestamp = timestampMillis * 1000, Duration = durationMillis * 1000,
    };

    /// <summary>The trace's root is where trace id == span id and parent id is absent; look back one day.</summary>
    [Fact]
    public async Task GetDependencies()
    {
        await ProcessDependenciesAsync(Trace);
        await AssertLinksAsync(TraceEndTs, Day, Links);
    }

    /// <summary>Linking ignores the high bits of trace ids, so 64- and 128-bit instrumentation share a trace.</summary>
    [Fact]
    public async Task GetDependencies_LinksMixedTraceId()
    {
        var traceId = NewTraceId();
        await ProcessDependenciesAsync(
        [
            Make(traceId, null, Id(1), SpanKind.Server, FrontendEndpoint, Today, 350),
            // the server dropped the high bits
            Make(traceId[16..], Id(1), Id(2), SpanKind.Server, BackendEndpoint, Today + 100, 250) with { Shared = true },
            Make(traceId, Id(1), Id(2), SpanKind.Client, FrontendEndpoint, Today + 50, 300) with { Name = null },
        ]);
        await AssertLinksAsync(TraceEndTs, Day, new DependencyLink(FrontendName, BackendName, 1, 0));
    }

    /// <summary>Processing a trace twice is safe.</summary>
    [Fact]
    public async Task ReplayOverwrites()
    {
        await ProcessDependenciesAsync(Trace);
        await ProcessDependenciesAsync(Trace);
        await AssertLinksAsync(TraceEndTs, Day, Links);
    }

    [Fact]
    public async Task Empty() => await AssertLinksAsync(TraceEndTs, Day);

    /// <summary>The trace id need not be a span id.</summary>
    [Fact]
    public async Task TraceIdIsOpaque()
    {
        var traceId = NewTraceId();
        await ProcessDependenciesAsync(Trace.Select(s => s with { TraceId = traceId }));
        await AssertLinksAsync(TraceEndTs, Day, Links);
    }

    /// <summary>When all servers are instrumented, each records SERVER and its local endpoint names it.</summary>
    [Fact]
    public async Task GetDependenciesAllInstrumented()
    {
        var one = new Endpoint(AppendSuffix("trace-producer-one", TestSuffix), "127.0.0.1", null, 0);
        var two = new Endpoint(AppendSuffix("trace-producer-two", TestSuffix), "127.0.0.2", null, 0);
        var three = new Endpoint(AppendSuffix("trace-producer-three", TestSuffix), "127.0.0.3", null, 0);
        var traceId = NewTraceId();
        await ProcessDependenciesAsync(
        [
            Make(traceId, null, Id(0x10), SpanKind.Server, one, Today, 350),
            Make(traceId, Id(0x10), Id(0x20), SpanKind.Client, one with { Port = 3001 }, Today + 50, 250),
            Make(traceId, Id(0x10), Id(0x20), SpanKind.Server, two, Today + 100, 150) with { Shared = true },
            Make(traceId, Id(0x20), Id(0x30), SpanKind.Client, two with { Port = 3002 }, Today + 150, 50) with { Name = "query" },
            Make(traceId, Id(0x20), Id(0x30), SpanKind.Server, three, Today + 160, 20) with { Name = "query", Shared = true },
        ]);
        await AssertLinksAsync(TraceEndTs, Day, new(one.ServiceName!, two.ServiceName!, 1, 0), new(two.ServiceName!, three.ServiceName!, 1, 0));
    }

    [Fact]
    public async Task Dependencies_Loopback()
    {
        await ProcessDependenciesAsync([Trace[0], Trace[1] with { RemoteEndpoint = Trace[0].LocalEndpoint }]);
        await AssertLinksAsync(TraceEndTs, TraceDuration, new DependencyLink(FrontendName, FrontendName, 1, 0));
    }

    /// <summary>Some systems log a trace id different from the root span's: the trace looks headless.</summary>
    [Fact]
    public async Task Dependencies_HeadlessTrace()
    {
        await ProcessDependenciesAsync(Trace.Skip(1));
        await AssertLinksAsync(TraceEndTs, Day, Links);
    }

    [Fact]
    public async Task LooksBackIndefinitely()
    {
        await ProcessDependenciesAsync(Trace);
        await AssertLinksAsync(TraceEndTs, TraceEndTs, Links);
    }

    /// <summary>Complete traces are aggregated even if they end after endTs.</summary>
    [Fact]
    public async Task EndTsInsideTheTrace()
    {
        await ProcessDependenciesAsync(Trace);
        await AssertLinksAsync(TraceStartTs + 100, 200, Links);
    }

    [Fact]
    public async Task EndTimeBeforeData()
    {
        await ProcessDependenciesAsync(Trace);
        await AssertLinksAsync(TraceStartTs - 1000, 1000);
    }

    [Fact]
    public async Task LookbackAfterData()
    {
        await ProcessDependenciesAsync(Trace);
        await AssertLinksAsync(Today + 2 * Day, Day);
    }

    [Fact]
    public async Task EndTsAndLookbackMustBePositive()
    {
        var endTs = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.GetDependenciesAsync(0, Day));
        Assert.Equal("endTs <= 0", endTs.Message);
        var lookback = await Assert.ThrowsAsync<ArgumentException>(async () => await Store.GetDependenciesAsync(TraceEndTs, 0));
        Assert.Equal("lookback <= 0", lookback.Message);
    }
}

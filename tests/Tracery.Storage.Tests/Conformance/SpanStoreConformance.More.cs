namespace Tracery.Storage.Tests.Conformance;

using Tracery.Tracing.Model;
using static TestObjects;

public abstract partial class SpanStoreConformance
{
    /// <summary>Duration bounds apply to every span of the queried service, not only the root.</summary>
    [Fact]
    public async Task GetTraces_Duration()
    {
        var (frontend, backend, db) = (Named(Frontend), Named(Backend), Named(Db));
        var (trace1, trace2, trace3) = await SetupDurationDataAsync();
        var window = Request(endTs: Today, lookback: Day);
        // Min duration is inclusive and is applied by service.
        await AssertGetTracesReturnsExactlyAsync(window with { ServiceName = frontend, MinDuration = 200_000 }, trace1);
        await AssertGetTracesReturnsExactlyAsync(window with { ServiceName = db, MinDuration = 200_000 }, trace2);
        // Duration bounds aren't limited to root spans: they apply to all spans by service in a trace.
        await AssertGetTracesReturnsExactlyAsync(window with { ServiceName = backend, MinDuration = 50_000, MaxDuration = 150_000 }, trace1, trace2, trace3);
        // Remote service name should apply to the duration filter.
        await AssertGetTracesReturnsExactlyAsync(
            window with { ServiceName = frontend, RemoteServiceName = backend, MinDuration = 50_000, MaxDuration = 50_000 }, trace2);
        // Span name should apply to the duration filter.
        await AssertGetTracesReturnsExactlyAsync(
            window with { ServiceName = backend, SpanName = "zip", MinDuration = 50_000, MaxDuration = 50_000 }, trace3);
        // Max duration should filter out longer spans from the same service.
        await AssertGetTracesReturnsExactlyAsync(window with { ServiceName = backend, MinDuration = 50_000, MaxDuration = 50_000 }, trace3);
    }

    string Named(Endpoint endpoint) => AppendSuffix(endpoint.ServiceName!, TestSuffix);

    async Task<(List<Span>, List<Span>, List<Span>)> SetupDurationDataAsync()
    {
        var frontend = SuffixServiceName(Frontend, TestSuffix);
        var backend = SuffixServiceName(Backend, TestSuffix);
        var db = SuffixServiceName(Db, TestSuffix);
        var (traceId1, traceId2, traceId3) = (NewTraceId(), NewTraceId(), NewTraceId());
        var offsetMicros = (Today - 3) * 1000; // so that queries must look back
        var archiver = Tags(("lc", "archiver"));
        var targz = new Span
        {
            TraceId = traceId1, Id = Id(1), Name = "targz", Timestamp = offsetMicros + 100, Duration = 200_000,
            LocalEndpoint = frontend, RemoteEndpoint = db, Tags = archiver,
        };
        var tar = new Span
        {
            TraceId = traceId1, Id = Id(2), ParentId = Id(1), Name = "tar", Timestamp = offsetMicros + 200, Duration = 150_000,
            LocalEndpoint = backend, RemoteEndpoint = backend, Tags = archiver,
        };
        var gz = new Span
        {
            TraceId = traceId1, Id = Id(3), ParentId = Id(1), Name = "gz", Timestamp = offsetMicros + 250, Duration = 50_000,
            LocalEndpoint = db, RemoteEndpoint = frontend, Tags = archiver,
        };
        var zip = new Span
        {
            TraceId = traceId3, Id = Id(3), Name = "zip", Timestamp = offsetMicros + 130, Duration = 50_000,
            Annotations = Annotations((offsetMicros + 130, "zip")), LocalEndpoint = backend, RemoteEndpoint = backend, Tags = archiver,
        };
        List<Span> trace1 = [targz, tar, gz];
        List<Span> trace2 =
        [
            targz with { TraceId = traceId2, Timestamp = offsetMicros + 110, LocalEndpoint = db, RemoteEndpoint = frontend, Tags = Tags(("lc", "archiver-v2")) },
            tar with { TraceId = traceId2, Timestamp = offsetMicros + 210, LocalEndpoint = backend, RemoteEndpoint = backend },
            gz with { TraceId = traceId2, Timestamp = offsetMicros + 260, LocalEndpoint = frontend, RemoteEndpoint = backend },
        ];
        List<Span> trace3 = [zip];
        await AcceptAsync(trace1);
        await AcceptAsync(trace2);
        await AcceptAsync(trace3);
        return (trace1, trace2, trace3);
    }

    /// <summary>Spans are meaningless without a timestamp; a trace appears once one arrives.</summary>
    [Fact]
    public async Task GetTraces_AbsentWhenNoTimestamp()
    {
        var span = NewClientSpan(TestSuffix);
        var spanWithoutTimestamp = span with { Timestamp = 0, Duration = 0 };
        await AcceptAsync(spanWithoutTimestamp);

        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: span.LocalServiceName));
        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: span.LocalServiceName, spanName: span.RemoteServiceName));
        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: span.LocalServiceName, spanName: span.Name));

        await AcceptAsync(span);

        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: span.LocalServiceName), [spanWithoutTimestamp, span]);
        await AssertGetTracesReturnsExactlyAsync(
            Request(serviceName: span.LocalServiceName, remoteServiceName: span.RemoteServiceName), [spanWithoutTimestamp, span]);
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: span.LocalServiceName, spanName: span.Name), [spanWithoutTimestamp, span]);
    }

    /// <summary>Prevents subtle bugs that could link mixed-length traces.</summary>
    [Fact]
    public async Task GetTraces_DifferentiatesDebugFromShared()
    {
        var clientSpan = NewClientSpan(TestSuffix) with { Debug = true };
        var serverSpan = clientSpan with { Kind = SpanKind.Server, Debug = false, Shared = true };
        await AcceptAsync(clientSpan, serverSpan);

        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: clientSpan.LocalServiceName), [clientSpan, serverSpan]);
    }

    [Fact]
    public async Task GetTraces_Annotation()
    {
        var clientSpan = NewClientSpan(TestSuffix) with { Annotations = Annotations((Today, "foo")) };
        await AcceptAsync(clientSpan);

        // fetch by time-based annotation
        await AssertGetTracesReturnsExactlyAsync(
            Request(serviceName: clientSpan.LocalServiceName, annotationQuery: clientSpan.Annotations[0].Value), [clientSpan]);
        // and by a tag
        var tag = clientSpan.Tags.First();
        await AssertGetTracesReturnsExactlyAsync(
            Request(serviceName: clientSpan.LocalServiceName, annotationQuery: tag.Key + "=" + tag.Value), [clientSpan]);
    }

    [Fact]
    public async Task GetTraces_MultipleAnnotationsBecomeAndFilter()
    {
        var frontend = SuffixServiceName(Frontend, TestSuffix);
        Span Call(int i, IReadOnlyList<Annotation> annotations, IReadOnlyDictionary<string, string>? tags = null) => new()
        {
            TraceId = NewTraceId(), Name = "call" + i, Id = Id(i), Timestamp = (Today + i) * 1000, LocalEndpoint = frontend,
            Annotations = annotations, Tags = tags ?? Tags(),
        };
        var foo = Call(1, Annotations(((Today + 1) * 1000, "foo")));
        // would be "foo bar", except lexicographically bar precedes foo
        var barAndFoo = Call(2, Annotations(((Today + 2) * 1000, "bar"), ((Today + 2) * 1000, "foo")));
        var fooAndBazAndQux = Call(3, Annotations(((Today + 3) * 1000, "foo")), Tags(("baz", "qux")));
        var barAndFooAndBazAndQux = Call(4, Annotations(((Today + 4) * 1000, "bar"), ((Today + 4) * 1000, "foo")), Tags(("baz", "qux")));
        await AcceptAsync(foo, barAndFoo, fooAndBazAndQux, barAndFooAndBazAndQux);

        var service = frontend.ServiceName;
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: service, annotationQuery: "foo"), [foo], [barAndFoo], [fooAndBazAndQux], [barAndFooAndBazAndQux]);
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: service, annotationQuery: "foo and bar"), [barAndFoo], [barAndFooAndBazAndQux]);
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: service, annotationQuery: "foo and bar and baz=qux"), [barAndFooAndBazAndQux]);
        // search only by tag key
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: service, annotationQuery: "baz"), [fooAndBazAndQux], [barAndFooAndBazAndQux]);
    }

    /// <summary>Annotation queries pay attention to which service recorded the data.</summary>
    [Fact]
    public async Task GetTraces_DifferentiateOnServiceName()
    {
        var frontend = SuffixServiceName(Frontend, TestSuffix);
        var backend = SuffixServiceName(Backend, TestSuffix);
        var trace1 = new Span
        {
            TraceId = NewTraceId(), Name = "1", Id = Id(1), Kind = SpanKind.Client, Timestamp = (Today + 1) * 1000, Duration = 3000,
            LocalEndpoint = frontend, Annotations = Annotations(((Today + 1) * 1000 + 500, "web")), Tags = Tags(("local", "web"), ("web-b", "web")),
        };
        var trace1Server = new Span
        {
            TraceId = trace1.TraceId, Name = "1", Id = Id(1), Kind = SpanKind.Server, Shared = true, LocalEndpoint = backend,
            Timestamp = (Today + 2) * 1000, Duration = 1000,
        };
        var trace2 = new Span
        {
            TraceId = NewTraceId(), Name = "2", Id = Id(2), Timestamp = (Today + 11) * 1000, Duration = 3000, Kind = SpanKind.Client,
            LocalEndpoint = backend, Annotations = Annotations(((Today + 11) * 1000 + 500, "app")), Tags = Tags(("local", "app"), ("app-b", "app")),
        };
        var trace2Server = new Span
        {
            TraceId = trace2.TraceId, Name = "2", Id = Id(2), Shared = true, Kind = SpanKind.Server, LocalEndpoint = frontend,
            Timestamp = (Today + 12) * 1000, Duration = 1000,
        };
        await AcceptAsync(trace1, trace1Server, trace2, trace2Server);

        // Sanity check
        await AssertGetTraceReturnsAsync(trace1.TraceId, [trace1, trace1Server]);
        await AssertGetTraceReturnsAsync(trace2.TraceId, [trace2, trace2Server]);
        await AssertGetTracesReturnsAsync(Request(), [trace1, trace1Server], [trace2, trace2Server]);

        var (web, app) = (frontend.ServiceName, backend.ServiceName);
        foreach (var query in new[] { "web", "web-b", "local=web" })
        {
            // We only return traces where the service specified caused the data queried.
            await AssertGetTracesReturnsExactlyAsync(Request(serviceName: web, annotationQuery: query), [trace1, trace1Server]);
            await AssertGetTracesReturnsEmptyAsync(Request(serviceName: app, annotationQuery: query));
        }
        foreach (var query in new[] { "app", "app-b", "local=app" })
        {
            await AssertGetTracesReturnsExactlyAsync(Request(serviceName: app, annotationQuery: query), [trace2, trace2Server]);
            await AssertGetTracesReturnsEmptyAsync(Request(serviceName: web, annotationQuery: query));
        }
    }

    /// <summary>The limit applies to the traces closest to endTs.</summary>
    [Fact]
    public async Task GetTraces_Limit()
    {
        var span1 = SpanBuilder(TestSuffix);
        var span2 = span1 with { TraceId = NewTraceId(), Timestamp = (Today + 2) * 1000 };
        await AcceptAsync(span1, span2);

        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: span1.LocalServiceName, limit: 1), [span2]);
    }

    /// <summary>Traces whose root is between (endTs - lookback) and endTs, both inclusive, are returned.</summary>
    [Fact]
    public async Task GetTraces_EndTsAndLookback()
    {
        var span1 = SpanBuilder(TestSuffix) with { Timestamp = (Today + 1) * 1000 };
        var span2 = span1 with { TraceId = NewTraceId(), Timestamp = (Today + 2) * 1000 };
        await AcceptAsync(span1, span2);
        var service = span1.LocalServiceName;

        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: service, endTs: Today));
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: service, endTs: Today + 1), [span1]);
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: service, endTs: Today + 2), [span1], [span2]);
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: service, endTs: Today + 3), [span1], [span2]);
        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: service, endTs: Today));
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: service, endTs: Today + 1, lookback: 1), [span1]);
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: service, endTs: Today + 2, lookback: 1), [span1], [span2]);
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: service, endTs: Today + 3, lookback: 1), [span2]);
    }

    [Fact]
    public async Task Names_GoLowercase()
    {
        var clientSpan = NewClientSpan(TestSuffix);
        await AcceptAsync(clientSpan);

        await AssertGetTracesReturnsExactlyAsync(
            Request(serviceName: clientSpan.LocalServiceName!.ToUpperInvariant(), remoteServiceName: clientSpan.RemoteServiceName!.ToUpperInvariant()), [clientSpan]);
        await AssertGetTracesReturnsExactlyAsync(
            Request(serviceName: clientSpan.LocalServiceName, spanName: clientSpan.Name!.ToUpperInvariant()), [clientSpan]);
    }

    /// <summary>Complete traces are returned even if they end after endTs.</summary>
    [Fact]
    public async Task GetTraces_EndTsInsideTheTrace()
    {
        var trace = NewTrace(TestSuffix);
        await AcceptAsync(trace);

        // The smallest lookback avoids bumping into implementation details of windowing.
        var lookback = trace[0].Duration / 1000;
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: trace[0].LocalServiceName, endTs: EndTs(trace), lookback: lookback), trace);
    }

    /// <summary>ITSpanStoreHeavy: the trace limit is not confused with a span count.</summary>
    [Fact]
    public async Task TraceWithManySpans()
    {
        var root = SpanBuilder(TestSuffix);
        var trace = Enumerable.Range(0, 101).Select(i => i == 0 ? root : root with { ParentId = root.Id, Id = Id(i), Timestamp = root.Timestamp + i }).ToList();
        await AcceptAsync(trace);

        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: root.LocalServiceName, limit: 1), trace);
        await AssertGetTraceReturnsAsync(root.TraceId, trace);
    }

    /// <summary>ITSpanStoreHeavy: 1000 traces, limit 1000, every filter returns all of them.</summary>
    [Fact]
    public async Task GetTraces_ManyTraces()
    {
        var template = NewClientSpan(TestSuffix);
        var traces = Enumerable.Range(0, 1000).Select(i => template with { TraceId = NewTraceId(), Id = Id(i + 1), Timestamp = template.Timestamp + i }).ToList();
        await AcceptAsync(traces);
        var tag = template.Tags.First();

        foreach (var request in new[]
        {
            Request(serviceName: template.LocalServiceName, limit: 1000),
            Request(serviceName: template.LocalServiceName, remoteServiceName: template.RemoteServiceName, limit: 1000),
            Request(serviceName: template.LocalServiceName, spanName: template.Name, limit: 1000),
            Request(serviceName: template.LocalServiceName, annotationQuery: tag.Key + "=" + tag.Value, limit: 1000),
            Request(serviceName: template.LocalServiceName, minDuration: template.Duration, limit: 1000),
        })
        {
            Assert.Equal(1000, (await Store.GetTracesAsync(request)).Count);
        }
    }
}

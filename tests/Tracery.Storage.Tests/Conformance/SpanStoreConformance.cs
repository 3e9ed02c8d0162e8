namespace Tracery.Storage.Tests.Conformance;

using Tracery.Tracing.Model;
using static TestObjects;

/// <summary>Zipkin's ITSpanStore (§4.2) and ITSpanStoreHeavy (§4.7): searching traces.</summary>
public abstract partial class SpanStoreConformance : StoreConformance
{
    /// <summary>This would only happen when the store is bootstrapping, or has been purged.</summary>
    [Fact]
    public async Task AllShouldWorkWhenEmpty()
    {
        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: "service"));
        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: "service", remoteServiceName: "remotey"));
        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: "service", remoteServiceName: "remotey", spanName: "methodcall"));
        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: "service", remoteServiceName: "remotey", spanName: "methodcall", annotationQuery: "custom"));
        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: "service", remoteServiceName: "remotey", spanName: "methodcall", annotationQuery: "BAH=BEH"));
    }

    /// <summary>Instrumentation sending empty spans by mistake must not break queries.</summary>
    [Fact]
    public async Task AllShouldWorkWhenNoIndexableDataYet()
    {
        await AcceptAsync(new Span { TraceId = NewTraceId(), Id = Id(1) });
        await AllShouldWorkWhenEmpty();
    }

    /// <summary>
    /// Replaces consumer_implementsCall_execute/_submit: the interface has no deferred call objects,
    /// so what remains is that nothing is readable before accepting and everything is after.
    /// </summary>
    [Fact]
    public async Task Consumer_AcceptCompletesBeforeRead()
    {
        var span = SpanBuilder(TestSuffix);
        await AssertGetTraceReturnsEmptyAsync(span.TraceId);
        await AcceptAsync(span);
        await AssertGetTraceReturnsAsync(span);
    }

    [Fact]
    public async Task GetTraces_GroupsTracesTogether()
    {
        var traceASpan1 = SpanBuilder(TestSuffix) with { Timestamp = (Today + 1) * 1000 };
        var traceASpan2 = traceASpan1 with { Id = Id(2), Timestamp = (Today + 2) * 1000 };
        var traceId2 = NewTraceId();
        var traceBSpan1 = traceASpan1 with { TraceId = traceId2 };
        var traceBSpan2 = traceASpan2 with { TraceId = traceId2 };

        await AcceptAsync(traceASpan1, traceBSpan1, traceASpan2, traceBSpan2);

        await AssertGetTracesReturnsAsync(Request(), [traceASpan1, traceASpan2], [traceBSpan1, traceBSpan2]);
    }

    [Fact]
    public async Task GetTraces_ConsidersBitsAbove64bit()
    {
        var traceId = NewTraceId();
        var frontend = SuffixServiceName(Frontend, TestSuffix);
        var span1 = new Span
        {
            TraceId = traceId[16..], Id = Id(1), Tags = Tags(("foo", "1")), Timestamp = Today * 1000, LocalEndpoint = frontend,
        };
        var span2 = span1 with { TraceId = traceId, Tags = Tags(("foo", "2")) };
        var span3 = span1 with { TraceId = "1" + new string('0', 15) + span1.TraceId, Tags = Tags(("foo", "3")) };

        await AcceptAsync(span1, span2, span3);

        foreach (var span in new[] { span1, span2, span3 })
        {
            await AssertGetTracesReturnsExactlyAsync(
                Request(serviceName: frontend.ServiceName, annotationQuery: "foo=" + span.Tags["foo"]), [span]);
        }
    }

    [Fact]
    public async Task GetTraces_FilteringMatchesMostRecentTraces()
    {
        var endpoints = Enumerable.Range(1, 10)
            .Select(i => new Endpoint(AppendSuffix("service" + i, TestSuffix), "127.0.0.1", null, 0)).ToList();
        const long gapBetweenSpans = 100;
        var earlySpans = Enumerable.Range(1, 10).Select(i => new Span
        {
            Name = "early", TraceId = NewTraceId(), Id = Id(i), Timestamp = (Today - i) * 1000, Duration = 1,
            LocalEndpoint = endpoints[i - 1],
        }).ToArray();
        var lateSpans = Enumerable.Range(1, 10).Select(i => new Span
        {
            Name = "late", TraceId = NewTraceId(), Id = Id(i + 10), Timestamp = (Today + gapBetweenSpans - i) * 1000, Duration = 1,
            LocalEndpoint = endpoints[i - 1],
        }).ToArray();

        await AcceptAsync(earlySpans);
        await AcceptAsync(lateSpans);

        var earlyTraces = earlySpans.Select(s => (IReadOnlyList<Span>)[s]).ToArray();
        var lateTraces = lateSpans.Select(s => (IReadOnlyList<Span>)[s]).ToArray();

        Assert.Equal(20, (await Store.GetTracesAsync(Request())).Count);
        await AssertGetTracesReturnsExactlyAsync(Request(limit: 10), lateTraces);
        await AssertGetTracesReturnsExactlyAsync(Request(endTs: Today + gapBetweenSpans, lookback: gapBetweenSpans), lateTraces);
        await AssertGetTracesReturnsExactlyAsync(Request(endTs: Today), earlyTraces);
    }

    [Fact]
    public Task GetTraces_ServiceNames() => AssertServiceNamesAsync(NewClientSpan(TestSuffix));

    async Task AssertServiceNamesAsync(Span clientSpan)
    {
        await AcceptAsync(clientSpan);

        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: clientSpan.LocalServiceName + 1));
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: clientSpan.LocalServiceName), [clientSpan]);
        await AssertGetTracesReturnsEmptyAsync(
            Request(serviceName: clientSpan.LocalServiceName, remoteServiceName: clientSpan.RemoteServiceName + 1));
        await AssertGetTracesReturnsExactlyAsync(
            Request(serviceName: clientSpan.LocalServiceName, remoteServiceName: clientSpan.RemoteServiceName), [clientSpan]);
    }

    [Fact]
    public async Task GetTraces_ServiceNames_MixedTraceIdLength()
    {
        var clientSpan = NewClientSpan(TestSuffix);
        // The same trace id truncated to 64 bits, but other service names.
        await AcceptAsync(SpanBuilder(TestSuffix) with
        {
            TraceId = clientSpan.TraceId[16..],
            LocalEndpoint = new Endpoint(AppendSuffix("foo", TestSuffix), null, null, 0),
            RemoteEndpoint = new Endpoint(AppendSuffix("bar", TestSuffix), null, null, 0),
        });
        await AssertServiceNamesAsync(clientSpan);
    }

    [Fact]
    public Task GetTraces_SpanName() => AssertSpanNameAsync(NewClientSpan(TestSuffix));

    async Task AssertSpanNameAsync(Span clientSpan)
    {
        await AcceptAsync(clientSpan);

        await AssertGetTracesReturnsEmptyAsync(Request(spanName: clientSpan.Name + 1));
        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: clientSpan.LocalServiceName, spanName: clientSpan.Name + 1));
        await AssertGetTracesReturnsAsync(Request(spanName: clientSpan.Name), [clientSpan]);
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: clientSpan.LocalServiceName, spanName: clientSpan.Name), [clientSpan]);
    }

    [Fact]
    public async Task GetTraces_SpanName_MixedTraceIdLength()
    {
        var clientSpan = NewClientSpan(TestSuffix);
        // The same trace id truncated to 64 bits, but another span name.
        await AcceptAsync(clientSpan with { TraceId = clientSpan.TraceId[16..], Name = "bar" });
        await AssertSpanNameAsync(clientSpan);
    }

    [Fact]
    public async Task GetTraces_Tags()
    {
        var clientSpan = NewClientSpan(TestSuffix);
        await AcceptAsync(clientSpan);

        await AssertGetTracesReturnsEmptyAsync(Request(annotationQuery: "foo=bar") with { ServiceName = clientSpan.LocalServiceName });
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: clientSpan.LocalServiceName) with { AnnotationQuery = clientSpan.Tags }, [clientSpan]);
    }

    [Fact]
    public async Task GetTraces_MinDuration()
    {
        var clientSpan = NewClientSpan(TestSuffix);
        await AcceptAsync(clientSpan);

        await AssertGetTracesReturnsEmptyAsync(Request(minDuration: clientSpan.Duration + 1));
        await AssertGetTracesReturnsAsync(Request(minDuration: clientSpan.Duration), [clientSpan]);
    }

    /// <summary>A late update carrying only timestamp and duration.</summary>
    [Fact]
    public async Task GetTraces_LateDuration()
    {
        var clientSpan = NewClientSpan(TestSuffix);
        var missingDuration = clientSpan with { Duration = 0 };
        var lateDuration = new Span
        {
            TraceId = clientSpan.TraceId, Id = clientSpan.Id, Timestamp = clientSpan.Timestamp, Duration = clientSpan.Duration,
            LocalEndpoint = clientSpan.LocalEndpoint,
        };
        await AcceptAsync(missingDuration);
        await AcceptAsync(lateDuration);

        await AssertGetTracesReturnsEmptyAsync(Request(minDuration: clientSpan.Duration + 1));
        await AssertGetTracesReturnsAsync(Request(minDuration: clientSpan.Duration), [lateDuration, missingDuration]);
    }

    [Fact]
    public async Task GetTraces_MaxDuration()
    {
        var clientSpan = NewClientSpan(TestSuffix);
        await AcceptAsync(clientSpan);

        await AssertGetTracesReturnsEmptyAsync(Request(minDuration: clientSpan.Duration - 2, maxDuration: clientSpan.Duration - 1));
        await AssertGetTracesReturnsAsync(Request(minDuration: clientSpan.Duration, maxDuration: clientSpan.Duration), [clientSpan]);
    }

    /// <summary>The skeletal span used in dependency linking; guards empty tag values.</summary>
    [Fact]
    public async Task Readback_MinimalErrorSpan()
    {
        var serviceName = AppendSuffix("isao01", TestSuffix);
        var errorSpan = new Span
        {
            TraceId = NewTraceId(), Id = Id(1), Timestamp = Today * 1000, Kind = SpanKind.Client,
            LocalEndpoint = new Endpoint(serviceName, null, null, 0), Tags = Tags(("error", "")),
        };
        await AcceptAsync(errorSpan);

        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: serviceName), [errorSpan]);
        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: serviceName, annotationQuery: "error"), [errorSpan]);
        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: serviceName, annotationQuery: "error=1"));
        await AssertGetTraceReturnsAsync(errorSpan);
    }

    /// <summary>Large values may not be indexed, but must read back whole.</summary>
    [Fact]
    public async Task ReadsBackLargeValues()
    {
        var span = SpanBuilder(TestSuffix) with { Name = "big", Tags = Tags(("environment", "test"), ("a", new string('a', 1024))) };
        await AcceptAsync(span);

        await AssertGetTracesReturnsAsync(Request(serviceName: span.LocalServiceName), [span]);
        await AssertGetTraceReturnsAsync(span);
    }

    /// <summary>JSON in a span name, and tag keys with nested dots, stored as two fragments.</summary>
    [Fact]
    public async Task SpanWithProblematicData()
    {
        var part1 = SpanBuilder(TestSuffix) with { Tags = Tags(("environment", "test"), ("http.path", "/api")) };
        await AcceptAsync(part1);
        const string json = "{\"foo\":\"bar\"}";
        var part2 = part1 with { Name = json, Tags = Tags(("http.path.morepath", "/api/api")) };
        await AcceptAsync(part2);

        await AssertGetTracesReturnsExactlyAsync(Request(serviceName: part1.LocalServiceName, spanName: json), [part2, part1]);
        await AssertGetTraceReturnsAsync(part1.TraceId, [part2, part1]);
    }
}

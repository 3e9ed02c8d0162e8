namespace Tracery.Storage.Tests.Conformance;

using Tracery.Tracing.Model;
using static TestObjects;

public abstract partial class DependenciesConformance
{
    /// <summary>An uninstrumented client before the trace and an uninstrumented server at its end.</summary>
    [Fact]
    public async Task NotInstrumentedClientAndServer()
    {
        var someClient = new Endpoint(AppendSuffix("some-client", TestSuffix), "172.17.0.4", null, 0);
        var t = NewTraceId();
        await ProcessDependenciesAsync(
        [
            Make(t, null, Id(0x20), SpanKind.Server, FrontendEndpoint, Today, 350) with { RemoteEndpoint = someClient },
            Make(t, Id(0x20), Id(0x21), SpanKind.Client, FrontendEndpoint, Today + 50, 250),
            Make(t, Id(0x20), Id(0x21), SpanKind.Server, BackendEndpoint, Today + 250, 50) with { Shared = true },
            Make(t, Id(0x21), Id(0x22), SpanKind.Client, BackendEndpoint, Today + 150, 50) with { RemoteEndpoint = DbEndpoint },
        ]);
        await AssertLinksAsync(TraceEndTs, Day,
            new(someClient.ServiceName!, FrontendName, 1, 0), new(FrontendName, BackendName, 1, 0), new(BackendName, DbName, 1, 0));
    }

    [Fact]
    public async Task InstrumentedClientAndServer()
    {
        var t = NewTraceId();
        await ProcessDependenciesAsync(
        [
            Make(t, null, Id(0x10), SpanKind.Client, FrontendEndpoint, Today + 50, 250),
            Make(t, null, Id(0x10), SpanKind.Server, BackendEndpoint, Today + 100, 150) with { Shared = true },
            Make(t, Id(0x10), Id(0x11), SpanKind.Client, BackendEndpoint, Today + 150, 50) with { RemoteEndpoint = DbEndpoint },
        ]);
        await AssertLinksAsync(TraceEndTs, Day, new(FrontendName, BackendName, 1, 0), new(BackendName, DbName, 1, 0));
    }

    [Fact]
    public async Task InstrumentedProducerAndConsumer()
    {
        var kafka = new Endpoint(KafkaName, null, null, 0);
        var t = NewTraceId();
        await ProcessDependenciesAsync(
        [
            Make(t, null, Id(0x10), SpanKind.Producer, FrontendEndpoint, Today + 50) with { Name = "send", Duration = 1, RemoteEndpoint = kafka },
            Make(t, Id(0x10), Id(0x11), SpanKind.Consumer, BackendEndpoint, Today + 100) with { Name = "receive", Duration = 1, RemoteEndpoint = kafka },
        ]);
        await AssertLinksAsync(TraceEndTs, Day, new(FrontendName, KafkaName, 1, 0), new(KafkaName, BackendName, 1, 0));
    }

    /// <summary>No query limit applies to links (ES's default of 10 once tripped this).</summary>
    [Fact]
    public async Task ManyLinks()
    {
        const int count = 1000;
        var spans = new List<Span>(count * 3);
        for (var i = 1; i <= count; i++)
        {
            var web = Frontend with { ServiceName = AppendSuffix("web-" + i, TestSuffix) };
            var app = Backend with { ServiceName = AppendSuffix("app-" + i, TestSuffix) };
            var db = Db with { ServiceName = AppendSuffix("db-" + i, TestSuffix) };
            var t = NewTraceId();
            spans.Add(Make(t, null, Id(0x10), SpanKind.Client, web, Today + 50, 250));
            spans.Add(Make(t, null, Id(0x10), SpanKind.Server, app, Today + 100, 150) with { Shared = true });
            spans.Add(Make(t, Id(0x10), Id(0x11), SpanKind.Client, app, Today + 150, 50) with { RemoteEndpoint = db });
        }
        await ProcessDependenciesAsync(spans);

        var links = await Store.GetDependenciesAsync(TraceEndTs, Day);
        Assert.Equal(count * 2, links.Count); // web-i -> app-i, app-i -> db-i
        Assert.All(links, link => Assert.Equal(1, link.CallCount));
    }

    /// <summary>A missing parent still yields a link when the local endpoint changes.</summary>
    [Fact]
    public async Task MissingIntermediateSpan()
    {
        var t = NewTraceId();
        await ProcessDependenciesAsync(
        [
            Make(t, null, Id(0x20), SpanKind.Server, FrontendEndpoint, Today, 350),
            // missing an intermediate span
            Make(t, Id(0x21), Id(0x22), SpanKind.Client, BackendEndpoint, Today + 150, 50),
        ]);
        await AssertLinksAsync(TraceEndTs, Day, new DependencyLink(FrontendName, BackendName, 1, 0));
    }

    /// <summary>Links can be read for other days than today.</summary>
    [Fact]
    public async Task CanSearchForIntervalsBesidesToday()
    {
        // Two days of data, processed separately so implementations can consider timestamps.
        var yesterday = NewTraceId();
        await ProcessDependenciesAsync(Trace.Select(s => s with
        {
            TraceId = yesterday,
            Timestamp = s.Timestamp - Day * 1000,
            Annotations = s.Annotations.Select(a => a with { Timestamp = a.Timestamp - Day * 1000 }).ToList(),
        }));
        await ProcessDependenciesAsync(Trace);

        // today's links
        await AssertLinksAsync(TraceEndTs, TraceDuration, Links);
        // yesterday's
        await AssertLinksAsync(TraceEndTs - Day, Day, Links);
        // everything since data started
        await AssertLinksAsync(TraceEndTs, TraceEndTs, new(FrontendName, BackendName, 2, 0), new(BackendName, DbName, 2, 2));
    }

    [Fact]
    public async Task SpanKindIsNotRequiredWhenEndpointsArePresent()
    {
        var someClient = new Endpoint(AppendSuffix("some-client", TestSuffix), "172.17.0.4", null, 0);
        await ProcessDependenciesAsync(UnnamedKinds(someClient));
        await AssertLinksAsync(Today + 1000, 1000,
            new(someClient.ServiceName!, FrontendName, 1, 0), new(FrontendName, BackendName, 1, 0), new(BackendName, DbName, 1, 0));
    }

    [Fact]
    public async Task UnnamedEndpointsAreSkipped()
    {
        await ProcessDependenciesAsync(UnnamedKinds(new Endpoint(null, "172.17.0.4", null, 0)));
        // note: no link from an empty service name
        await AssertLinksAsync(Today + 1000, 1000, new(FrontendName, BackendName, 1, 0), new(BackendName, DbName, 1, 0));
    }

    List<Span> UnnamedKinds(Endpoint rootLocal)
    {
        var t = NewTraceId();
        return
        [
            Make(t, null, Id(0x20), SpanKind.Unspecified, rootLocal, Today, 350) with { RemoteEndpoint = FrontendEndpoint },
            Make(t, Id(0x20), Id(0x21), SpanKind.Unspecified, FrontendEndpoint, Today + 50, 250) with { RemoteEndpoint = BackendEndpoint },
            Make(t, Id(0x21), Id(0x22), SpanKind.Unspecified, BackendEndpoint, Today + 150, 50) with { RemoteEndpoint = DbEndpoint },
        ];
    }

    /// <summary>Local spans between the RPCs do not break the links.</summary>
    [Fact]
    public async Task IntermediateSpans()
    {
        var t = NewTraceId();
        await ProcessDependenciesAsync(
        [
            Make(t, null, Id(0x20), SpanKind.Server, FrontendEndpoint, Today, 350),
            Make(t, Id(0x20), Id(0x21), SpanKind.Unspecified, FrontendEndpoint, Today + 25, 325) with { Name = "call" },
            Make(t, Id(0x21), Id(0x22), SpanKind.Client, FrontendEndpoint, Today + 50, 250),
            Make(t, Id(0x21), Id(0x22), SpanKind.Server, BackendEndpoint, Today + 100, 150) with { Shared = true },
            Make(t, Id(0x22), Id(23), SpanKind.Unspecified, BackendEndpoint, Today + 110, 130) with { Name = "depth4" },
            Make(t, Id(23), Id(24), SpanKind.Unspecified, BackendEndpoint, Today + 125, 105) with { Name = "depth5" },
            Make(t, Id(24), Id(25), SpanKind.Client, BackendEndpoint, Today + 150, 50) with { RemoteEndpoint = DbEndpoint },
        ]);
        await AssertLinksAsync(Today + 1000, 1000, new(FrontendName, BackendName, 1, 0), new(BackendName, DbName, 1, 0));
    }

    /// <summary>
    /// Zipkin builds this from v1 spans whose "ca" and "sa" are the same address; the v2 spans that
    /// conversion yields are written here directly (the codecs live in another project): the
    /// server's "ca" names the server itself, so conversion blanks its service name (a Finagle quirk).
    /// </summary>
    [Fact]
    public async Task DuplicateAddress()
    {
        var t = NewTraceId();
        await ProcessDependenciesAsync(
        [
            Make(t, null, Id(0x20), SpanKind.Server, FrontendEndpoint, Today, 350) with { RemoteEndpoint = FrontendEndpoint with { ServiceName = null } },
            Make(t, Id(0x21), Id(0x22), SpanKind.Client, FrontendEndpoint, Today + 50, 250) with { RemoteEndpoint = BackendEndpoint },
        ]);
        await AssertLinksAsync(Today + 1000, 1000, new DependencyLink(FrontendName, BackendName, 1, 0));
    }

    /// <summary>A span starts on one host and ends on another; no response either way.</summary>
    [Fact]
    public async Task Oneway()
    {
        await ProcessDependenciesAsync(OnewaySpans(addErrorAnnotation: false));
        await AssertLinksAsync(TraceEndTs, TraceDuration, new DependencyLink(FrontendName, BackendName, 1, 0));
    }

    /// <summary>A timeline annotation named error is not a failed span; a tag is.</summary>
    [Fact]
    public async Task AnnotationNamedErrorIsntError()
    {
        await ProcessDependenciesAsync(OnewaySpans(addErrorAnnotation: true));
        await AssertLinksAsync(TraceEndTs, TraceDuration, new DependencyLink(FrontendName, BackendName, 1, 0));
    }

    List<Span> OnewaySpans(bool addErrorAnnotation)
    {
        var t = NewTraceId();
        var server = Make(t, null, Id(0x10), SpanKind.Server, BackendEndpoint, Today + 100) with { Shared = true, Name = null };
        if (addErrorAnnotation) server = server with { Annotations = Annotations(((Today + 72) * 1000, "error")) };
        return [Make(t, null, Id(0x10), SpanKind.Client, FrontendEndpoint, Today + 50) with { Name = null }, server];
    }

    /// <summary>An asynchronous span started by an uninstrumented source.</summary>
    [Fact]
    public async Task Oneway_NoClient()
    {
        var kafka = new Endpoint(KafkaName, "172.17.0.4", null, 0);
        var t = NewTraceId();
        await ProcessDependenciesAsync(
        [
            Make(t, null, Id(0x10), SpanKind.Server, BackendEndpoint, Today) with { Name = "receive", RemoteEndpoint = kafka },
            Make(t, Id(0x10), Id(0x11), SpanKind.Unspecified, BackendEndpoint, Today + 25, 325) with { Name = "process" },
        ]);
        await AssertLinksAsync(TraceEndTs, Day, new DependencyLink(KafkaName, BackendName, 1, 0));
    }
}

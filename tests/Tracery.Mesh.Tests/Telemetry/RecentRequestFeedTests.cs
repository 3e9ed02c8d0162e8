namespace Tracery.Mesh.Tests.Telemetry;

using Tracery.Mesh.Telemetry;
using Tracery.Mesh.Tests.Tracing;
using Tracery.Mesh.Tracing;

public sealed class RecentRequestFeedTests
{
    private sealed class ListLog : IRecentRequestLog
    {
        public List<RecentRequest> Requests { get; } = [];

        public void Add(RecentRequest request) => Requests.Add(request);
    }

    [Fact]
    public void TheTracerFeedsEachSampledRequestEvenWithoutASpanSink()
    {
        var log = new ListLog();
        var tracer = new RouterTracer(new RouterTracerOptions(1.0), null, log);

        RouterHop.Run(tracer, RouterHop.Incoming());

        var request = Assert.Single(log.Requests);
        Assert.Equal("outgoing", request.Router);
        Assert.Equal("127.0.0.9:50123", request.Source);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/hello?x=1", request.Uri);
        Assert.Equal("/svc/hello", request.LogicalName);
        Assert.Equal("/#/io.l5d.fs/hello", request.ConcreteName);
        Assert.Equal(200, request.StatusCode);
        Assert.Equal(16, request.TraceId.Length);
    }

    [Fact]
    public void UnsampledRequestsAreNotFed()
    {
        var log = new ListLog();

        RouterHop.Run(new RouterTracer(new RouterTracerOptions(0.0), null, log), RouterHop.Incoming());

        Assert.Empty(log.Requests);
    }
}

namespace Tracery.Mesh.Tests.Telemetry;

using Tracery.Mesh.Telemetry;
using Tracery.Mesh.Tests.Tracing;
using Tracery.Mesh.Tracing;

public sealed class RecentRequestsTests
{
    private static RecentRequest Request(int n) =>
        new(DateTimeOffset.UnixEpoch, n.ToString("x16"), "outgoing", null, "GET", "/", null, null, 200, TimeSpan.Zero);

    [Fact]
    public void KeepsTheNewestUpToCapacityNewestFirst()
    {
        var ring = new RecentRequests(3);
        for (var i = 1; i <= 5; i++)
        {
            ring.Add(Request(i));
        }

        Assert.Equal(["0000000000000005", "0000000000000004", "0000000000000003"], ring.Snapshot().Select(r => r.TraceId));
    }

    [Fact]
    public void ACapacityBelowOneIsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RecentRequests(0));
        Assert.Equal("capacity", error.ParamName);
    }

    [Fact]
    public void TheTracerRecordsEachSampledRequest()
    {
        var ring = new RecentRequests(10);
        var tracer = new RouterTracer(new RouterTracerOptions(1.0), null, ring);

        RouterHop.Run(tracer, RouterHop.Incoming());

        var request = Assert.Single(ring.Snapshot());
        Assert.Equal("outgoing", request.Router);
        Assert.Equal("127.0.0.9:50123", request.Source);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/hello?x=1", request.Uri);
        Assert.Equal("/svc/hello", request.LogicalName);
        Assert.Equal("/#/io.l5d.fs/hello", request.ConcreteName);
        Assert.Equal(200, request.StatusCode);
    }
}

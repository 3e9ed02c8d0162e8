namespace Tracery.Mesh.Tests.Tracing;

using Tracery.Mesh.Tracing;

/// <summary>The tracer runs on every request: an unsampled one must not allocate span state.</summary>
public sealed class TracerAllocationTests
{
    [Fact]
    public void AnUnsampledServerSpanAllocatesNothing()
    {
        var tracer = new RouterTracer(new RouterTracerOptions(0.0), new CollectingSpanSink());
        var context = RouterHop.Incoming();
        tracer.StartServer(context, "outgoing", RouterHop.NodeA).Finish(200); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            var scope = tracer.StartServer(context, "outgoing", RouterHop.NodeA);
            scope.SetDestination("/svc/hello", string.Empty, string.Empty);
            scope.Finish(200);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void AnUnsampledAttemptAllocatesOnlyItsHeaders()
    {
        var tracer = new RouterTracer(new RouterTracerOptions(0.0), new CollectingSpanSink());
        var server = tracer.StartServer(RouterHop.Incoming(), "outgoing", RouterHop.NodeA);
        var outgoing = RouterHop.Outgoing();
        tracer.StartClient(server, "c", "hello", outgoing).Finish(); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            tracer.StartClient(server, "c", "hello", outgoing).Finish();
        }

        var perAttempt = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        Assert.True(perAttempt < 400, $"{perAttempt} bytes per unsampled attempt");
    }
}

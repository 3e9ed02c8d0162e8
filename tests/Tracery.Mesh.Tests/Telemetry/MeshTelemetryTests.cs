namespace Tracery.Mesh.Tests.Telemetry;

using Tracery.Mesh.Telemetry;
using Tracery.Mesh.Tests.Tracing;
using Tracery.Mesh.Tracing;
using Tracery.Tracing.Context;

public sealed class MeshTelemetryTests
{
    [Fact]
    public async Task TheLargestTelemeterRateWins()
    {
        await using var telemetry = MeshTelemetry.Start(
            [new ZipkinHttpOptions("127.0.0.1:1", SampleRate: 0.01), new ZipkinHttpOptions("127.0.0.1:2", SampleRate: 0.5)]);

        Assert.Equal(0.5, telemetry.SampleRate);
        Assert.Equal(2, telemetry.Reporters.Count);
        Assert.Contains(telemetry.Metrics(), m => m.Key == "telemetry/io.zipkin.http/spans/dropped");
    }

    [Fact]
    public async Task WithoutTelemetersTheTracerOnlyPropagatesAndLeavesSamplingUndecided()
    {
        await using var telemetry = MeshTelemetry.Start([]);
        var tracer = telemetry.CreateRouterTracer(TracePropagation.Linkerd);

        var outgoing = RouterHop.Run(tracer, RouterHop.Incoming());

        Assert.Null(telemetry.Spans);
        Assert.True(L5dCtxTrace.TryDecode(outgoing.Headers.GetValues(L5dCtxTrace.HeaderName).Single(), out var sent));
        Assert.Null(sent.Sampled);
    }
}

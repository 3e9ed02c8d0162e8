namespace Tracery.Mesh.Tests.Routing;

using System.Net;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Tests.Support;
using Tracery.Mesh.Tests.Tracing;
using Tracery.Mesh.Tracing;
using Tracery.Tracing.Model;

/// <summary>The router pipeline drives the tracer: one SERVER span per request, one CLIENT span per attempt.</summary>
public sealed class TracedRoutingTests
{
    private static RouterTracer Tracer(CollectingSpanSink sink) => new(new RouterTracerOptions(SampleRate: 1.0), sink);

    [Fact]
    public async Task ARoutedRequestRecordsAServerSpanAndAChildClientSpan()
    {
        await using var upstream = await Upstream.StartAsync();
        var sink = new CollectingSpanSink();
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/hello", "/#/io.l5d.fs/hello", new StaticAddressSet(upstream.Address)),
            r => r with { Tracer = Tracer(sink) });

        (await mesh.Client.GetAsync("http://hello/hi")).EnsureSuccessStatusCode();

        var spans = await Eventually.Value(() => sink.Spans, s => s.Count == 2);
        var server = Assert.Single(spans, s => s.Kind == SpanKind.Server);
        var client = Assert.Single(spans, s => s.Kind == SpanKind.Client);
        Assert.Equal("outgoing /svc/hello", server.Name);
        Assert.Equal($"127.0.0.1/{mesh.Router.Port}", server.LocalServiceName);
        Assert.Equal(server.Id, client.ParentId);
        Assert.Equal("#/io.l5d.fs/hello", client.LocalServiceName);
        Assert.Equal("hello", client.RemoteServiceName);
        Assert.Equal("/#/io.l5d.fs/hello", server.Tags["client"]);
        var seen = Assert.Single(upstream.Received);
        Assert.True(seen.Headers.ContainsKey("l5d-ctx-trace"));
        Assert.Equal(server.TraceId[^16..], seen.Headers["l5d-reqid"]);
    }

    [Fact]
    public async Task EachRetryIsAnotherClientSpan()
    {
        var calls = 0;
        await using var upstream = await Upstream.StartAsync(async context =>
        {
            context.Response.StatusCode = Interlocked.Increment(ref calls) == 1 ? 503 : 200;
            await context.Response.WriteAsync("x");
        });
        var sink = new CollectingSpanSink();
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/hello", "/#/io.l5d.fs/hello", new StaticAddressSet(upstream.Address)),
            r => r with { Tracer = Tracer(sink), ServicePolicies = _ => ServicePolicy.Default with { Classifier = Http5xxClassifier.RetryableRead } });

        Assert.Equal(HttpStatusCode.OK, (await mesh.Client.GetAsync("http://hello/")).StatusCode);

        var spans = await Eventually.Value(() => sink.Spans, s => s.Count == 3);
        var clients = spans.Where(s => s.Kind == SpanKind.Client).ToList();
        Assert.Equal(2, clients.Count);
        Assert.Contains(clients, c => c.Annotations.Any(a => a.Value == "l5d.retryable"));
        Assert.Contains(clients, c => c.Tags.GetValueOrDefault("l5d.success") == "1.0");
    }

    [Fact]
    public async Task ANoRouteFailureIsRecordedOnTheServerSpan()
    {
        var sink = new CollectingSpanSink();
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter(), r => r with { Tracer = Tracer(sink) });

        Assert.Equal(HttpStatusCode.BadGateway, (await mesh.Client.GetAsync("http://nobody/")).StatusCode);

        var server = Assert.Single(await Eventually.Value(() => sink.Spans, s => s.Count == 1));
        Assert.Equal("ClientAcquisition", server.Tags["io.buoyant.router.Failure"]);
    }
}

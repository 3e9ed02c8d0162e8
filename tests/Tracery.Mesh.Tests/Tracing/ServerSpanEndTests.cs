namespace Tracery.Mesh.Tests.Tracing;

using System.Net;
using Tracery.Mesh.Hosting;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Routing;
using Tracery.Mesh.Tests.Support;
using Tracery.Mesh.Tracing;
using Tracery.Tracing.Model;
using HttpResponseWriting = Microsoft.AspNetCore.Http.HttpResponseWritingExtensions;

/// <summary>
/// A router's SERVER span ends when its client has the whole response, not after the router's bookkeeping that
/// follows (metrics, balancer and accrual updates). That bookkeeping is cold on a router's first request, and when
/// the span waited for it, a node's SERVER span could end tens of milliseconds after its caller's CLIENT span,
/// which ends as soon as the last byte arrives. Timed with a clock that only moves when read, the gap between the
/// attempt's end and the server span's end counts the clock readings in between, whatever the machine's load.
/// </summary>
public sealed class ServerSpanEndTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task OnTheFirstRequestTheServerSpanEndsWithItsAttemptNotAfterTheBookkeeping()
    {
        await using var upstream = await Upstream.StartAsync(context =>
        {
            context.Response.ContentLength = 5; // the caller has the whole answer once 5 bytes arrive
            return HttpResponseWriting.WriteAsync(context.Response, "hello");
        });
        var clock = new StepClock(Step);
        var sink = new CollectingSpanSink();
        var router = new RouterDefinition(
            "incoming", [new IPEndPoint(IPAddress.Loopback, 0)], new HostTokenIdentifier(),
            new TableInterpreter().Bind("/svc/hello", "/#/io.l5d.fs/hello", new StaticAddressSet(upstream.Address)), Dtab.Empty)
        {
            Tracer = new RouterTracer(new RouterTracerOptions(1.0), sink, time: clock),
        };
        await using var host = await MeshHost.StartAsync(new MeshOptions([router]) { Admin = null, Time = clock });
        using var client = new HttpClient(new SocketsHttpHandler { Proxy = new WebProxy($"http://{host.RouterEndpoints["incoming"][0]}"), UseProxy = true });

        (await client.GetAsync("http://hello/")).EnsureSuccessStatusCode();

        var spans = await Eventually.Value(() => sink.Spans, s => s.Count == 2);
        var server = Assert.Single(spans, s => s.Kind == SpanKind.Server);
        var attempt = Assert.Single(spans, s => s.Kind == SpanKind.Client);
        var readingsBetween = (End(server) - End(attempt)) / (long)Step.TotalMicroseconds;
        Assert.True(readingsBetween is >= 0 and <= 1, $"the server span ended {readingsBetween} clock readings after its attempt");
    }

    private static long End(Span span) => span.Timestamp + span.Duration;
}

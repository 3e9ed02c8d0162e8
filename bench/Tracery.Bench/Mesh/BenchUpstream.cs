namespace Tracery.Bench.Mesh;

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// The service behind the proxies: 1 KB on every path, and a span sink at <c>/api/v2/spans</c> (202, discarded)
/// so the traced router has a collector to report to.
/// </summary>
internal sealed class BenchUpstream : IAsyncDisposable
{
    private static readonly byte[] Body = System.Text.Encoding.ASCII.GetBytes(new string('x', 1024));
    private readonly WebApplication _app;

    private BenchUpstream(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    private long _spanBatches;

    /// <summary>Span batches the traced router reported: proof that tracing was on during the run.</summary>
    public long SpanBatches => Interlocked.Read(ref _spanBatches);

    public static async Task<BenchUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        BenchUpstream? self = null;
        app.Run(async context =>
        {
            if (context.Request.Path.StartsWithSegments("/api/v2/spans"))
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref self!._spanBatches);
                context.Response.StatusCode = 202;
                return;
            }
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength = Body.Length;
            await context.Response.Body.WriteAsync(Body);
        });
        await app.StartAsync();
        self = new BenchUpstream(app, new Uri(app.Urls.First()).Port);
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

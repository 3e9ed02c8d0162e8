namespace Tracery.Mesh.Tests.Telemetry;

using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tracery.Mesh.Telemetry;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

/// <summary>The HTTP reporter against a real Kestrel collector stand-in on 127.0.0.1:0.</summary>
public sealed class ZipkinHttpTransportTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Host, string? Encoding, Span[] Spans)> posts = new();
    private WebApplication? app;
    private string address = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/api/v2/spans", async (HttpContext context) =>
        {
            var body = context.Request.Body;
            var encoding = context.Request.Headers.ContentEncoding.ToString();
            using var plain = new MemoryStream();
            await (encoding == "gzip" ? new GZipStream(body, CompressionMode.Decompress) : body).CopyToAsync(plain);
            posts.Enqueue((context.Request.Host.Value ?? string.Empty, encoding, SpanBytesDecoder.DecodeList(plain.ToArray(), SpanEncoding.JsonV2).ToArray()));
            return Results.Accepted();
        });
        await app.StartAsync();
        address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Authority;
    }

    public async Task DisposeAsync() => await app!.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PostsBatchesOfJsonV2Spans(bool gzip)
    {
        await using var reporter = new SpanReporter(
            new ZipkinHttpTransport(new ZipkinHttpOptions(address, CompressionEnabled: gzip)), new SpanReporterOptions(BatchSize: 10));
        var spans = Enumerable.Range(0, 25).Select(TestSpans.Server).ToList();

        spans.ForEach(reporter.Report);

        Assert.True(await TestSpans.EventuallyAsync(() => reporter.Counters.Sent == 25));
        var received = posts.SelectMany(p => p.Spans).OrderBy(s => s.Id).ToList();
        Assert.Equal(spans, received);
        Assert.All(posts, p => Assert.True(p.Spans.Length <= 10));
        Assert.All(posts, p => Assert.Equal("zipkin", p.Host));
        Assert.All(posts, p => Assert.Equal(gzip ? "gzip" : string.Empty, p.Encoding));
        Assert.Equal(0, reporter.Counters.Failed + reporter.Counters.Dropped);
    }

    [Fact]
    public async Task StoppingSendsWhatIsQueuedAndCanBeRepeated()
    {
        var reporter = new SpanReporter(new ZipkinHttpTransport(new ZipkinHttpOptions(address)), new SpanReporterOptions(BatchSize: 7));
        for (var i = 0; i < 50; i++)
        {
            reporter.Report(TestSpans.Server(i));
        }

        await reporter.StopAsync(TimeSpan.FromSeconds(10));
        await reporter.DisposeAsync();

        Assert.Equal(50, reporter.Counters.Sent);
        Assert.Equal(50, posts.Sum(p => p.Spans.Length));
    }

    [Fact]
    public async Task ACollectorErrorCountsTheBatchAsFailed()
    {
        await using var reporter = new SpanReporter(
            new ZipkinHttpTransport(new ZipkinHttpOptions(address + "/missing", CompressionEnabled: false)),
            new SpanReporterOptions(RetryDelay: TimeSpan.FromMilliseconds(10)));

        reporter.Report(TestSpans.Server(1));

        Assert.True(await TestSpans.EventuallyAsync(() => reporter.Counters.Failed == 1));
        Assert.Equal(0, reporter.Counters.Sent);
    }
}

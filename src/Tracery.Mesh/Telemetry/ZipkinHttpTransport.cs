namespace Tracery.Mesh.Telemetry;

using System.IO.Compression;
using System.Net.Http.Headers;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

/// <summary>Sends batches as JSON v2 to a Zipkin collector's <c>POST /api/v2/spans</c> (what linkerd-zipkin's <c>io.zipkin.http</c> does).</summary>
public sealed class ZipkinHttpTransport : ISpanTransport
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient client;
    private readonly Uri endpoint;
    private readonly ZipkinHttpOptions options;

    public ZipkinHttpTransport(ZipkinHttpOptions options, HttpMessageHandler? handler = null)
    {
        this.options = options;
        endpoint = new Uri("http://" + options.Host + "/api/v2/spans");
        // The reporter bounds each send with its own timeout; the client's must not cut in first.
        client = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string Kind => "io.zipkin.http";

    public async Task SendAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken)
    {
        var body = SpanBytesEncoder.EncodeList(spans, SpanEncoding.JsonV2);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Content(body) };
        if (!string.IsNullOrEmpty(options.HostHeader))
        {
            request.Headers.Host = options.HostHeader;
        }

        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new CollectorRefusedException($"{endpoint} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private ByteArrayContent Content(byte[] body)
    {
        if (!options.CompressionEnabled)
        {
            return new ByteArrayContent(body) { Headers = { ContentType = Json } };
        }

        using var compressed = new MemoryStream(body.Length / 4 + 64);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        var content = new ByteArrayContent(compressed.ToArray()) { Headers = { ContentType = Json } };
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }
}

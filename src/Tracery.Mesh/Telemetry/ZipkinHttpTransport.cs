namespace Tracery.Mesh.Telemetry;

using System.Buffers;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

/// <summary>
/// Sends batches as JSON v2 to a Zipkin collector's <c>POST /api/v2/spans</c> (what linkerd-zipkin's <c>io.zipkin.http</c> does).
/// The reporter sends one batch at a time, so the encoding and compression buffers are kept and reused: a fresh
/// buffer per batch grew by doubling to the body's size and was copied out again, several kilobytes per request traced.
/// </summary>
public sealed class ZipkinHttpTransport : ISpanTransport
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    // One writer per thread that reports spans: Encode runs on the request path, on many threads at once.
    [ThreadStatic]
    private static Utf8JsonWriter? jsonWriter;

    private readonly ArrayBufferWriter<byte> encoded = new(16 * 1024);
    private readonly MemoryStream compressed = new(4 * 1024);
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

    public void Encode(Span span, IBufferWriter<byte> output)
    {
        var writer = jsonWriter ??= new Utf8JsonWriter(output, SpanBytesEncoder.JsonV2Options);
        writer.Reset(output);
        SpanBytesEncoder.WriteJsonV2(writer, span);
        writer.Flush();
    }

    /// <summary>Frames the encoded spans as a JSON array, the body of <c>POST /api/v2/spans</c>.</summary>
    public async Task SendAsync(IReadOnlyList<ReadOnlyMemory<byte>> encodedSpans, CancellationToken cancellationToken)
    {
        encoded.ResetWrittenCount();
        encoded.Write("["u8);
        for (var i = 0; i < encodedSpans.Count; i++)
        {
            if (i > 0)
            {
                encoded.Write(","u8);
            }
            encoded.Write(encodedSpans[i].Span);
        }
        encoded.Write("]"u8);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Content(encoded.WrittenMemory) };
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
        compressed.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The body over the reused buffers: valid until the next send, which the reporter never overlaps.</summary>
    private ReadOnlyMemoryContent Content(ReadOnlyMemory<byte> body)
    {
        if (!options.CompressionEnabled)
        {
            return new ReadOnlyMemoryContent(body) { Headers = { ContentType = Json } };
        }

        compressed.SetLength(0);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body.Span);
        }

        var content = new ReadOnlyMemoryContent(compressed.GetBuffer().AsMemory(0, (int)compressed.Length)) { Headers = { ContentType = Json } };
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }
}

namespace Tracery.Server.Tests.Collector;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tracery.Server.Tests.Hosting;

/// <summary>Each kind of bad input gets its status and message, and nothing of it is stored.</summary>
public sealed class BadInputTests
{
    private const string TraceId = "00000000000000b1";

    [Theory]
    [InlineData("/api/v2/spans", """{"traceId":"00000000000000b1","id":"00000000000000b1"}""", "Expected a JSON_V2 encoded list\n")]
    [InlineData("/api/v2/spans", """[{"traceId":"00000000000000b1","id":"00000000000000b1","binaryAnnotations":[]}]""", "Expected a JSON_V2 encoded list, but received: JSON_V1\n")]
    [InlineData("/api/v1/spans", """[{"traceId":"00000000000000b1","id":"00000000000000b1","localEndpoint":{"serviceName":"a"}}]""", "Expected a JSON_V1 encoded list, but received: JSON_V2\n")]
    [InlineData("/api/v1/spans", """[{"traceId":"00000000000000b1","id":"00000000000000b1","tags":{"a":"b"}}]""", "Expected a JSON_V1 encoded list, but received: JSON_V2\n")]
    public async Task WrongFormatIsNamed(string path, string body, string message)
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();

        await AssertRejectedAsync(client, await client.PostAsync(path, SampleSpans.Json(body)), HttpStatusCode.BadRequest, message);
        Assert.Equal(1, server.Metrics.Http.MessagesDropped);
    }

    [Theory]
    [InlineData("""[{"traceId":"00000000000000b1","id":"00000000000000b1","name":"a""", "Malformed")]
    [InlineData("""[{"traceId":"00000000000000b1","id":"00000000000000b1","tags":{"error":true}}]""", "Expected a string but was BOOLEAN")]
    [InlineData("""[{"traceId":"00000000000000B1","id":"00000000000000b1"}]""", "should be lower-hex encoded with no prefix")]
    [InlineData("""[{"traceId":"00000000000000x1","id":"00000000000000b1"}]""", "should be lower-hex encoded with no prefix")]
    [InlineData("""[{"traceId":"00000000000000b1","id":"00000000000000b1","timestamp":"soon"}]""", "Expected a long but was STRING")]
    public async Task UndecodableJsonIsRejectedWithTheDecodersMessage(string body, string messagePart)
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();

        using var response = await client.PostAsync("/api/v2/spans", SampleSpans.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(messagePart, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(client);
    }

    [Theory]
    [InlineData("/api/v2/spans", "application/x-protobuf")]
    [InlineData("/api/v1/spans", "application/x-thrift")]
    public async Task TruncatedBinaryIsRejected(string path, string contentType)
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        var spans = Tracery.Tracing.Codec.SpanBytesDecoder.DecodeList(Encoding.UTF8.GetBytes(SampleSpans.Trace(TraceId, SampleSpans.NowMicros)), Tracery.Tracing.Codec.SpanEncoding.JsonV2);
        var encoding = path.Contains("v2", StringComparison.Ordinal) ? Tracery.Tracing.Codec.SpanEncoding.Proto3 : Tracery.Tracing.Codec.SpanEncoding.ThriftV1;
        var bytes = Tracery.Tracing.Codec.SpanBytesEncoder.EncodeList(spans, encoding);
        var content = new ByteArrayContent(bytes[..(bytes.Length - 7)]);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
        await AssertNothingStoredAsync(client);
    }

    [Fact]
    public async Task OneBadSpanRejectsTheWholeBatch()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        var body = SampleSpans.Trace(TraceId, SampleSpans.NowMicros).TrimEnd(']') + """,{"traceId":"BAD","id":"1"}]""";

        using var response = await client.PostAsync("/api/v2/spans", SampleSpans.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingStoredAsync(client);
    }

    [Fact]
    public async Task OversizeBodyIs413()
    {
        await using var server = await TestServers.StartAsync(o => o with { BodyLimit = 1024 });
        using var client = server.Client();
        var body = SampleSpans.Trace(TraceId, SampleSpans.NowMicros) + new string(' ', 2048);

        using var response = await client.PostAsync("/api/v2/spans", SampleSpans.Json(body));

        await AssertRejectedAsync(client, response, HttpStatusCode.RequestEntityTooLarge, "Request body is larger than the limit of 1024 bytes");
    }

    [Fact]
    public async Task GzipBombIs413()
    {
        await using var server = await TestServers.StartAsync(o => o with { BodyLimit = 64 * 1024 });
        using var client = server.Client();
        // 8 MiB of spaces after a valid trace compresses to about 8 KiB: under the limit until gunzipped.
        var bomb = HttpCollectorTests.Gzip(Encoding.UTF8.GetBytes(SampleSpans.Trace(TraceId, SampleSpans.NowMicros) + new string(' ', 8 << 20)));
        Assert.True(bomb.Length < 64 * 1024);
        var content = new ByteArrayContent(bomb);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/api/v2/spans", content);

        await AssertRejectedAsync(client, response, HttpStatusCode.RequestEntityTooLarge, "Request body is larger than the limit of 65536 bytes");
    }

    [Fact]
    public async Task BodyThatIsNotGzipIs400()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        var content = SampleSpans.Json(SampleSpans.Trace(TraceId, SampleSpans.NowMicros));
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/api/v2/spans", content);

        await AssertRejectedAsync(client, response, HttpStatusCode.BadRequest, "Cannot gunzip spans");
    }

    private static async Task AssertRejectedAsync(HttpClient client, HttpResponseMessage response, HttpStatusCode status, string message)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(message, await response.Content.ReadAsStringAsync());
        }
        await AssertNothingStoredAsync(client);
    }

    private static async Task AssertNothingStoredAsync(HttpClient client)
    {
        await SampleSpans.DrainAsync(client);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v2/trace/{TraceId}")).StatusCode);
    }
}

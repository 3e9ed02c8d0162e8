namespace Tracery.Server.Tests.Collector;

using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tracery.Server.Tests.Hosting;
using Tracery.Tracing.Codec;

public sealed class HttpCollectorTests
{
    [Fact]
    public async Task JsonV2IsStoredAndReadBack()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        await SampleSpans.PostAsync(client, SampleSpans.Trace("463ac35c9f6413ad", SampleSpans.NowMicros));
        await SampleSpans.StoredAsync(client, "463ac35c9f6413ad");

        var trace = SpanBytesDecoder.DecodeList(await client.GetByteArrayAsync("/api/v2/trace/463ac35c9f6413ad"), SpanEncoding.JsonV2);
        Assert.Equal(3, trace.Count);
        Assert.Equal(1, server.Metrics.Http.Messages);
        Assert.Equal(3, server.Metrics.Http.Spans);
    }

    [Theory]
    [InlineData("/api/v2/spans", "application/x-protobuf", SpanEncoding.Proto3, "0000000000000abc")]
    [InlineData("/api/v1/spans", "application/x-thrift", SpanEncoding.ThriftV1, "0000000000000a12")]
    public async Task BinaryFormatIsChosenByContentType(string path, string contentType, SpanEncoding encoding, string traceId)
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        var spans = SpanBytesDecoder.DecodeList(Encoding.UTF8.GetBytes(SampleSpans.Trace(traceId, SampleSpans.NowMicros)), SpanEncoding.JsonV2);
        var body = new ByteArrayContent(SpanBytesEncoder.EncodeList(spans, encoding));
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await client.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await SampleSpans.StoredAsync(client, traceId);
        var stored = SpanBytesDecoder.DecodeList(await client.GetByteArrayAsync($"/api/v2/trace/{traceId}"), SpanEncoding.JsonV2);
        Assert.Equal(spans.ToHashSet(), stored.ToHashSet());
    }

    [Fact]
    public async Task JsonV1IsConvertedToV2()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        var now = SampleSpans.NowMicros;
        var v1 = $$$"""
            [{"traceId":"0000000000000a11","id":"0000000000000a11","name":"get","timestamp":{{{now}}},"duration":5000,
              "annotations":[{"timestamp":{{{now}}},"value":"sr","endpoint":{"serviceName":"legacy","ipv4":"127.0.0.1"}},
                             {"timestamp":{{{now + 5000}}},"value":"ss","endpoint":{"serviceName":"legacy","ipv4":"127.0.0.1"}}]}]
            """;

        using var response = await client.PostAsync("/api/v1/spans", SampleSpans.Json(v1));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await SampleSpans.StoredAsync(client, "0000000000000a11");
        var span = Assert.Single(SpanBytesDecoder.DecodeList(await client.GetByteArrayAsync("/api/v2/trace/0000000000000a11"), SpanEncoding.JsonV2));
        Assert.Equal(Tracery.Tracing.Model.SpanKind.Server, span.Kind);
        Assert.Equal("legacy", span.LocalServiceName);
    }

    [Fact]
    public async Task GzipBodyIsGunzipped()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        var body = new ByteArrayContent(Gzip(Encoding.UTF8.GetBytes(SampleSpans.Trace("0000000000000def", SampleSpans.NowMicros))));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        body.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/api/v2/spans", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await SampleSpans.StoredAsync(client, "0000000000000def");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    public async Task EmptyInputIsAcceptedAndStoresNothing(string body)
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();

        using var response = await client.PostAsync("/api/v2/spans", SampleSpans.Json(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, server.Metrics.Http.Spans);
    }

    [Fact]
    public async Task SampleRateZeroKeepsOnlyDebugSpans()
    {
        await using var server = await TestServers.StartAsync(o => o with { SampleRate = 0.0 });
        using var client = server.Client();
        const string spans = """
            [{"traceId":"0000000000000001","id":"0000000000000001","name":"kept","debug":true,"timestamp":1,"localEndpoint":{"serviceName":"a"}},
             {"traceId":"0000000000000002","id":"0000000000000002","name":"dropped","timestamp":1,"localEndpoint":{"serviceName":"a"}}]
            """;

        await SampleSpans.PostAsync(client, spans);

        await SampleSpans.StoredAsync(client, "0000000000000001");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v2/trace/0000000000000002")).StatusCode);
        Assert.Equal(1, server.Metrics.Http.SpansDropped);
    }

    internal static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(bytes);
        }
        return output.ToArray();
    }
}

namespace Tracery.Server.Tests.Query;

using System.Net;
using System.Text.Json;
using Tracery.Server.Tests.Hosting;
using Tracery.Tracing.Codec;

public sealed class QueryApiTests
{
    [Theory]
    [InlineData("/api/v2")]
    [InlineData("/zipkin/api/v2")]
    public async Task PostQueryAndDependenciesEndToEnd(string prefix)
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        var now = SampleSpans.NowMicros;
        await SampleSpans.PostAsync(client, SampleSpans.Trace("00000000000000a1", now, backendError: true));
        await SampleSpans.StoredAsync(client, "00000000000000a1");

        Assert.Equal(["backend", "frontend"], await NamesAsync(client, $"{prefix}/services"));
        Assert.Equal(["get /", "get /api"], await NamesAsync(client, $"{prefix}/spans?serviceName=FRONTEND"));
        Assert.Equal(["backend"], await NamesAsync(client, $"{prefix}/remoteServices?serviceName=frontend"));

        var traces = await TracesAsync(client, $"{prefix}/traces?serviceName=backend&annotationQuery=error&limit=10");
        Assert.Equal("00000000000000a1", Assert.Single(traces).First().TraceId);
        Assert.Empty(await TracesAsync(client, $"{prefix}/traces?serviceName=backend&annotationQuery=error%3Dnope"));
        Assert.Single(await TracesAsync(client, $"{prefix}/traces?minDuration=200000"));
        Assert.Empty(await TracesAsync(client, $"{prefix}/traces?minDuration=300000"));

        using var links = JsonDocument.Parse(await client.GetStringAsync($"{prefix}/dependencies?endTs={now / 1000 + 1000}"));
        var link = Assert.Single(links.RootElement.EnumerateArray());
        Assert.Equal("frontend", link.GetProperty("parent").GetString());
        Assert.Equal("backend", link.GetProperty("child").GetString());
        Assert.Equal(1, link.GetProperty("callCount").GetInt64());
        Assert.Equal(1, link.GetProperty("errorCount").GetInt64());
    }

    [Fact]
    public async Task TraceManyReturnsTheTracesFound()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        await SampleSpans.PostAsync(client, SampleSpans.Trace("00000000000000c1", SampleSpans.NowMicros));
        await SampleSpans.PostAsync(client, SampleSpans.Trace("00000000000000c2", SampleSpans.NowMicros));
        await SampleSpans.StoredAsync(client, "00000000000000c2");

        var traces = await TracesAsync(client, "/api/v2/traceMany?traceIds=c1,00000000000000c2,00000000000000c3");

        Assert.Equal(["00000000000000c1", "00000000000000c2"], traces.Select(t => t[0].TraceId).Order());
    }

    [Theory]
    [InlineData("/api/v2/traces?limit=0", "limit <= 0")]
    [InlineData("/api/v2/traces?endTs=0", "endTs <= 0")]
    [InlineData("/api/v2/traces?lookback=-1", "lookback <= 0")]
    [InlineData("/api/v2/traces?minDuration=0", "minDuration <= 0")]
    [InlineData("/api/v2/traces?maxDuration=10", "maxDuration is only valid with minDuration")]
    [InlineData("/api/v2/traces?minDuration=10&maxDuration=5", "maxDuration < minDuration")]
    [InlineData("/api/v2/traces?limit=ten", "limit should be a whole number, not \"ten\"")]
    [InlineData("/api/v2/dependencies?endTs=0", "endTs <= 0")]
    [InlineData("/api/v2/dependencies?endTs=10&lookback=0", "lookback <= 0")]
    [InlineData("/api/v2/dependencies", "endTs parameter is required")]
    [InlineData("/api/v2/spans", "serviceName parameter is required")]
    [InlineData("/api/v2/autocompleteValues?key=", "key was empty")]
    [InlineData("/api/v2/trace/463AC35C9F6413AD", "463AC35C9F6413AD should be lower-hex encoded with no prefix")]
    [InlineData("/api/v2/traceMany?traceIds=", "traceIds parameter is empty")]
    [InlineData("/api/v2/traceMany?traceIds=a,000000000000000a", "redundant traceId: 000000000000000a")]
    [InlineData("/api/v2/traceMany?traceIds=a", "Use /api/v2/trace/{traceId} endpoint to retrieve a single trace")]
    [InlineData("/zipkin/api/v2/traces?limit=-5", "limit <= 0")]
    public async Task BadParametersAre400WithZipkinsMessage(string path, string message)
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownTraceIs404()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();

        using var response = await client.GetAsync("/api/v2/trace/463ac35c9f6413ad%20");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("463ac35c9f6413ad not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NameListsAreCachedOnlyAboveThreeEntries()
    {
        await using var server = await TestServers.StartAsync(o => o with { AutocompleteKeys = ["http.method"] });
        using var client = server.Client();
        await SampleSpans.PostAsync(client, SampleSpans.Trace("00000000000000d1", SampleSpans.NowMicros));
        await SampleSpans.StoredAsync(client, "00000000000000d1");

        using (var few = await client.GetAsync("/api/v2/services"))
        {
            Assert.Null(CacheControl(few));
        }
        using (var keys = await client.GetAsync("/api/v2/autocompleteKeys"))
        {
            Assert.Equal("max-age=300, must-revalidate", CacheControl(keys));
            Assert.Equal("[\"http.method\"]", await keys.Content.ReadAsStringAsync());
        }
        Assert.Equal(["GET"], await NamesAsync(client, "/api/v2/autocompleteValues?key=http.method"));

        foreach (var service in (string[])["c", "d"])
        {
            await SampleSpans.PostAsync(client, $$$"""[{"traceId":"00000000000000e{{{service}}}","id":"0000000000000001","timestamp":{{{SampleSpans.NowMicros}}},"localEndpoint":{"serviceName":"{{{service}}}"}}]""");
        }
        await Eventually.HoldsAsync(async () => (await NamesAsync(client, "/api/v2/services")).Length == 4, "four services are stored");
        using var many = await client.GetAsync("/api/v2/services");
        Assert.Equal("max-age=300, must-revalidate", CacheControl(many));
    }

    [Fact]
    public async Task CrossOriginRequestsAreAllowed()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v2/services");
        request.Headers.Add("Origin", "http://example.com");

        using var response = await client.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    // The raw header: HttpClient's parsed form reorders the directives.
    private static string? CacheControl(HttpResponseMessage response) =>
        response.Headers.NonValidated.TryGetValues("Cache-Control", out var values) ? values.ToString() : null;

    private static async Task<string[]> NamesAsync(HttpClient client, string path) =>
        JsonSerializer.Deserialize<string[]>(await client.GetStringAsync(path))!;

    private static async Task<List<IReadOnlyList<Tracery.Tracing.Model.Span>>> TracesAsync(HttpClient client, string path)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync(path));
        return document.RootElement.EnumerateArray()
            .Select(trace => SpanBytesDecoder.DecodeList(System.Text.Encoding.UTF8.GetBytes(trace.GetRawText()), SpanEncoding.JsonV2))
            .ToList();
    }
}

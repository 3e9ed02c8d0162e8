namespace Tracery.Server.Tests.Admin;

using System.Net;
using System.Text.Json;
using Tracery.Server.Tests.Hosting;

public sealed class AdminEndpointTests
{
    [Fact]
    public async Task HealthIsUpWithTheStoreAsComponent()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UP", body.RootElement.GetProperty("status").GetString());
        var component = Assert.Single(body.RootElement.GetProperty("zipkin").GetProperty("details").EnumerateObject());
        Assert.Equal($"{server.Store.GetType().Name}{{}}", component.Name);
    }

    [Fact]
    public async Task InfoHasVersionAndCommit()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();

        using var body = JsonDocument.Parse(await client.GetStringAsync("/info"));

        var zipkin = body.RootElement.GetProperty("zipkin");
        Assert.False(string.IsNullOrEmpty(zipkin.GetProperty("version").GetString()));
        Assert.False(string.IsNullOrEmpty(zipkin.GetProperty("commit").GetString()));
    }

    [Fact]
    public async Task MetricsCountMessagesSpansAndDrops()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        await SampleSpans.PostAsync(client, SampleSpans.Trace("00000000000000f1", SampleSpans.NowMicros));
        using (await client.PostAsync("/api/v2/spans", SampleSpans.Json("[{")))
        {
        }

        using var metrics = JsonDocument.Parse(await client.GetStringAsync("/metrics"));
        var root = metrics.RootElement;
        Assert.Equal(2, root.GetProperty("counter.zipkin_collector.messages.http").GetDouble());
        Assert.Equal(1, root.GetProperty("counter.zipkin_collector.messages_dropped.http").GetDouble());
        Assert.Equal(3, root.GetProperty("counter.zipkin_collector.spans.http").GetDouble());
        Assert.Equal(0, root.GetProperty("counter.zipkin_collector.spans_dropped.http").GetDouble());
        Assert.True(root.GetProperty("counter.zipkin_collector.bytes.http").GetDouble() > 100);
        Assert.Equal(0, root.GetProperty("counter.zipkin_collector.messages.scribe").GetDouble());

        var prometheus = await client.GetStringAsync("/prometheus");
        Assert.Contains("zipkin_collector_messages_total{transport=\"http\",} 2.0\n", prometheus, StringComparison.Ordinal);
        Assert.Contains("zipkin_collector_spans_total{transport=\"http\",} 3.0\n", prometheus, StringComparison.Ordinal);
        Assert.Contains("# TYPE zipkin_collector_message_spans gauge\n", prometheus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UiConfigHasZipkinsKeysAndCacheHeader()
    {
        await using var server = await TestServers.StartAsync(o => o with { SearchEnabled = false });
        using var client = server.Client();

        using var response = await client.GetAsync("/zipkin/config.json");

        Assert.Equal("max-age=600", response.Headers.CacheControl?.ToString());
        using var config = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(config.RootElement.GetProperty("searchEnabled").GetBoolean());
        Assert.Equal(10, config.RootElement.GetProperty("queryLimit").GetInt32());
        Assert.Equal(JsonValueKind.Null, config.RootElement.GetProperty("archivePostUrl").ValueKind);
        Assert.True(config.RootElement.GetProperty("dependency").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task TraceMethodIsRefused()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/api/v2/services"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}

namespace Tracery.Server.Tests.Admin;

using System.Net;
using System.Text.Json;
using Tracery.Server.Tests.Hosting;

public sealed class AdminEndpointTests
{
    [Fact]
    public async Task HealthIsUpWithTheStoreAndTheBacklogAsComponents()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UP", body.RootElement.GetProperty("status").GetString());
        var components = body.RootElement.GetProperty("zipkin").GetProperty("details");
        Assert.Equal([$"{server.Store.GetType().Name}{{}}", "SpanWriter{}"], components.EnumerateObject().Select(c => c.Name));
        var backlog = components.GetProperty("SpanWriter{}");
        Assert.Equal("UP", backlog.GetProperty("status").GetString());
        Assert.Equal(0, backlog.GetProperty("details").GetProperty("backlogSpans").GetInt64());
        Assert.Equal(0, backlog.GetProperty("details").GetProperty("spansDropped").GetProperty("backlog_full").GetInt64());
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
        await Eventually.HoldsAsync(() => Task.FromResult(server.Writer.Counters.SpansWritten == 3), "the spans are written");

        using var metrics = JsonDocument.Parse(await client.GetStringAsync("/metrics"));
        var root = metrics.RootElement;
        Assert.Equal(2, root.GetProperty("counter.zipkin_collector.messages.http").GetDouble());
        Assert.Equal(1, root.GetProperty("counter.zipkin_collector.messages_dropped.http").GetDouble());
        Assert.Equal(3, root.GetProperty("counter.zipkin_collector.spans.http").GetDouble());
        Assert.Equal(0, root.GetProperty("counter.zipkin_collector.spans_dropped.http").GetDouble());
        Assert.True(root.GetProperty("counter.zipkin_collector.bytes.http").GetDouble() > 100);
        Assert.Equal(0, root.GetProperty("counter.zipkin_collector.messages.scribe").GetDouble());
        Assert.Equal(3, root.GetProperty("counter.tracery_storage.spans_written").GetDouble());
        Assert.Equal(0, root.GetProperty("counter.tracery_storage.spans_dropped.backlog_full").GetDouble());
        Assert.Equal(0, root.GetProperty("gauge.tracery_storage.backlog_spans").GetDouble());

        var prometheus = await client.GetStringAsync("/prometheus");
        Assert.Contains("zipkin_collector_messages_total{transport=\"http\",} 2.0\n", prometheus, StringComparison.Ordinal);
        Assert.Contains("zipkin_collector_spans_total{transport=\"http\",} 3.0\n", prometheus, StringComparison.Ordinal);
        Assert.Contains("# TYPE zipkin_collector_message_spans gauge\n", prometheus, StringComparison.Ordinal);
        Assert.Contains("tracery_storage_spans_dropped_total{reason=\"backlog_full\",} 0.0\n", prometheus, StringComparison.Ordinal);
        Assert.Contains("tracery_storage_backlog_spans 0.0\n", prometheus, StringComparison.Ordinal);
        Assert.Contains("tracery_storage_spans_written_total 3.0\n", prometheus, StringComparison.Ordinal);
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

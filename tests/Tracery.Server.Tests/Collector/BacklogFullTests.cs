namespace Tracery.Server.Tests.Collector;

using System.Net;
using System.Text.Json;
using Tracery.Server.Collector;
using Tracery.Server.Tests.Hosting;

/// <summary>Over HTTP: with the store down and the backlog full, posts still get 202, the drops are counted, and /health is DOWN.</summary>
public sealed class BacklogFullTests
{
    [Fact]
    public async Task AFullBacklog_DropsNewSpansWithACountedReason_AndHealthIsDown()
    {
        var store = new OutageStore { Down = true };
        await using var server = await TestServers.StartAsync(o => o with
        {
            StoreFactory = _ => store,
            Writer = new SpanWriterOptions { MaxBacklogSpans = 3, DrainTimeout = TimeSpan.Zero },
        });
        using var client = server.Client();

        await SampleSpans.PostAsync(client, SampleSpans.Trace("00000000000000a1", SampleSpans.NowMicros));
        await SampleSpans.PostAsync(client, SampleSpans.Trace("00000000000000a2", SampleSpans.NowMicros));

        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("DOWN", health.RootElement.GetProperty("status").GetString());
        var backlog = health.RootElement.GetProperty("zipkin").GetProperty("details").GetProperty("SpanWriter{}");
        Assert.Equal("DOWN", backlog.GetProperty("status").GetString());
        Assert.Equal(3, backlog.GetProperty("details").GetProperty("spansDropped").GetProperty("backlog_full").GetInt64());
        Assert.Equal(3, server.Metrics.Http.SpansDropped);
        var prometheus = await client.GetStringAsync("/prometheus");
        Assert.Contains("tracery_storage_spans_dropped_total{reason=\"backlog_full\",} 3.0\n", prometheus, StringComparison.Ordinal);
    }
}

namespace Tracery.Server.Tests.Collector;

using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Tracery.Server.Collector;
using Tracery.Server.Tests.Hosting;

/// <summary>
/// PostgreSQL unreachable for a while, behind a relay the test closes: the collector keeps answering 202
/// at once, reports its backlog in /health and the metrics, and stores everything once the database is back.
/// </summary>
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task WhileTheDatabaseIsUnreachable_SpansAreAcceptedPromptlyAndReported_ThenAllAreStored()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var relay = new TcpRelay(database.EndPoint);
        await using var server = await TestServers.StartAsync(o => o with
        {
            StorageType = "postgres:" + database.ConnectionStringVia(relay.Port),
            Writer = new SpanWriterOptions { FlushInterval = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromMilliseconds(500) },
        });
        using var client = server.Client();
        var before = NewTraceId();
        await SampleSpans.PostAsync(client, SampleSpans.Trace(before, SampleSpans.NowMicros));
        await SampleSpans.StoredAsync(client, before);

        await relay.CloseAsync();
        var traceIds = Enumerable.Range(0, 50).Select(_ => NewTraceId()).ToList();
        var slowest = TimeSpan.Zero;
        foreach (var traceId in traceIds)
        {
            var clock = Stopwatch.StartNew();
            await SampleSpans.PostAsync(client, SampleSpans.Trace(traceId, SampleSpans.NowMicros));
            slowest = TimeSpan.FromTicks(Math.Max(slowest.Ticks, clock.Elapsed.Ticks));
        }

        // Generous for a loaded machine, and far below what waiting on the database would take (retries, connect timeouts).
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"the slowest 202 took {slowest}");
        await Eventually.HoldsAsync(async () => (await HealthAsync(client)).Backlog == 150, "the 150 spans show as backlog");
        var health = await HealthAsync(client);
        Assert.Equal((HttpStatusCode.OK, "DEGRADED", "DOWN", "UP"), (health.Code, health.Status, health.Store, health.Writer));
        Assert.Contains("error", health.Body, StringComparison.Ordinal);
        using (var metrics = JsonDocument.Parse(await client.GetStringAsync("/metrics")))
        {
            Assert.Equal(150, metrics.RootElement.GetProperty("gauge.tracery_storage.backlog_spans").GetDouble());
            Assert.True(metrics.RootElement.GetProperty("gauge.tracery_storage.backlog_oldest_age_seconds").GetDouble() > 0);
        }

        relay.Open();
        await Eventually.HoldsAsync(async () => (await HealthAsync(client)).Backlog == 0, "the backlog is stored", timeoutMs: 30_000);
        foreach (var traceId in traceIds)
        {
            var trace = await client.GetStringAsync($"/api/v2/trace/{traceId}");
            Assert.Equal(3, JsonDocument.Parse(trace).RootElement.GetArrayLength());
        }
        Assert.Equal(0, server.Metrics.Http.SpansDropped);
        Assert.Equal((HttpStatusCode.OK, "UP"), ((await HealthAsync(client)).Code, (await HealthAsync(client)).Status));
    }

    private static string NewTraceId() => Random.Shared.NextInt64(1, long.MaxValue).ToString("x16");

    private static async Task<(HttpStatusCode Code, string Status, string Store, string Writer, long Backlog, string Body)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        var details = JsonDocument.Parse(body).RootElement.GetProperty("zipkin").GetProperty("details");
        var store = details.EnumerateObject().First();
        var writer = details.GetProperty("SpanWriter{}");
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.GetProperty("status").GetString()!,
            store.Value.GetProperty("status").GetString()!, writer.GetProperty("status").GetString()!,
            writer.GetProperty("details").GetProperty("backlogSpans").GetInt64(), body);
    }
}

namespace Tracery.Server.Tests.Hosting;

using System.Net;

/// <summary>A server on the SQLite store keeps what it accepted across a clean restart.</summary>
public sealed class SqliteRestartTests : IDisposable
{
    readonly string _directory = Path.Combine(Path.GetTempPath(), $"tracery-restart-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task AcceptedSpans_AreServedAfterRestart()
    {
        var traceIds = Enumerable.Range(0, 20).Select(_ => Random.Shared.NextInt64(1, long.MaxValue).ToString("x16")).ToList();
        await using (var server = await TestServers.StartAsync(o => o with { StorageType = "sqlite", DataDirectory = _directory }))
        {
            using var client = server.Client();
            // No wait for storage: a clean shutdown must drain what got 202 into the database.
            foreach (var traceId in traceIds) await SampleSpans.PostAsync(client, SampleSpans.Trace(traceId, SampleSpans.NowMicros));
        }

        await using var restarted = await TestServers.StartAsync(o => o with { StorageType = "sqlite", DataDirectory = _directory });
        using var reader = restarted.Client();
        foreach (var traceId in traceIds)
        {
            using var response = await reader.GetAsync($"/api/v2/trace/{traceId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("72485a3953bb6124", await response.Content.ReadAsStringAsync());
        }
        Assert.Contains("backend", await reader.GetStringAsync("/api/v2/services"));
    }
}

namespace Tracery.Cli.Tests.Commands;

using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

/// <summary>
/// kill -9 of `tracery server` (SQLite) in the middle of ingest: after a restart, every span that got 202
/// more than one flush interval before the kill is there; only the last interval's may be missing.
/// </summary>
public sealed class ServerCrashTests(ITestOutputHelper output) : IDisposable
{
    // Longer than the 200 ms default so the guarantee holds with room on a loaded 2-core CI machine: the
    // writer gathers for half the interval, and the other half (1 s) is the budget of one SQLite write.
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(2);

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("tracery-crash-").FullName;

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private Task<ServerProcess> StartAsync() =>
        ServerProcess.StartAsync(dataDirectory, new Dictionary<string, string>(),
            "--host", "127.0.0.1", "--port", "0", "--scribe-enabled", "false", "--data-dir", dataDirectory, "--flush-interval", "2s");

    [Fact]
    public async Task AfterSigkillMidIngest_OnlySpansOfTheLastFlushIntervalAreMissing()
    {
        var accepted = new List<(string TraceId, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        TimeSpan killedAt;
        await using (var server = await StartAsync())
        {
            using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            using var stop = new CancellationTokenSource();
            var ingest = IngestAsync(client, accepted, clock, stop.Token);
            // Kill once ingest has run for two and a half intervals, so some batches are committed and one is open.
            await WaitUntilAsync(() => Count(accepted) > 0 && clock.Elapsed - First(accepted) > FlushInterval * 2.5, "ingest has run for 2.5 flush intervals");
            killedAt = clock.Elapsed;
            await server.KillAsync();
            await stop.CancelAsync();
            await ingest;
        }

        await using var restarted = await StartAsync();
        using var reader = new HttpClient { BaseAddress = restarted.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var stored = await TraceBodies.StoredSpansAsync(reader, accepted.Select(a => a.TraceId));

        var old = accepted.Where(a => a.At < killedAt - FlushInterval).ToList();
        var recent = accepted.Count - old.Count;
        var missing = accepted.Where(a => !stored.ContainsKey(a.TraceId)).ToList();
        output.WriteLine($"accepted {accepted.Count} traces, {old.Count} before the last interval, {recent} in it; missing {missing.Count}");
        Assert.True(old.Count >= 10, $"only {old.Count} traces were accepted before the last interval");
        Assert.All(old, a => Assert.True(stored.ContainsKey(a.TraceId), $"trace {a.TraceId}, accepted {killedAt - a.At} before the kill, is missing"));
        Assert.True(missing.Count <= recent, $"{missing.Count} traces missing, {recent} accepted in the last interval");
        // A message is stored whole or not at all: one transaction holds it.
        Assert.All(stored.Values, count => Assert.Equal(TraceBodies.SpansPerTrace, count));
        await restarted.StopCleanlyAsync();
    }

    /// <summary>Posts one trace at a time, paced so SQLite keeps up even on a loaded machine, until the server dies.</summary>
    private static async Task IngestAsync(HttpClient client, List<(string, TimeSpan)> accepted, Stopwatch clock, CancellationToken stop)
    {
        using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        try
        {
            while (await pace.WaitForNextTickAsync(stop))
            {
                var traceId = TraceBodies.NewTraceId();
                using var response = await client.PostAsync("/api/v2/spans", TraceBodies.Trace(traceId), stop);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    lock (accepted)
                    {
                        accepted.Add((traceId, clock.Elapsed));
                    }
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // The server was killed under us; the requests in flight then never got their 202.
        }
    }

    private static int Count(List<(string, TimeSpan)> accepted)
    {
        lock (accepted)
        {
            return accepted.Count;
        }
    }

    private static TimeSpan First(List<(string, TimeSpan At)> accepted)
    {
        lock (accepted)
        {
            return accepted[0].At;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"timed out waiting until {what}");
            await Task.Delay(10);
        }
    }
}

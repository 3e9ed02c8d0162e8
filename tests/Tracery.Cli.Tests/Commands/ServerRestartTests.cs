namespace Tracery.Cli.Tests.Commands;

using System.Net;

/// <summary>`tracery server` with no storage option keeps its traces across a restart, in the user's data directory.</summary>
public sealed class ServerRestartTests : IDisposable
{
    private readonly string home = Directory.CreateTempSubdirectory("tracery-home-").FullName;
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("tracery-cwd-").FullName;

    public void Dispose()
    {
        Directory.Delete(home, recursive: true);
        Directory.Delete(workingDirectory, recursive: true);
    }

    private Task<ServerProcess> StartAsync() =>
        ServerProcess.StartAsync(workingDirectory, new Dictionary<string, string> { ["HOME"] = home }, "--host", "127.0.0.1", "--port", "0", "--scribe-port", "0");

    [Fact]
    public async Task WithNoStorageOption_ATraceSurvivesSigtermAndRestart()
    {
        var traceId = TraceBodies.NewTraceId();
        await using (var server = await StartAsync())
        {
            using var client = new HttpClient { BaseAddress = server.BaseAddress };
            using var response = await client.PostAsync("/api/v2/spans", TraceBodies.Trace(traceId));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            // No wait for storage: SIGTERM must drain what got 202 into the database.
            await server.StopCleanlyAsync();
        }
        Assert.True(File.Exists(Path.Combine(home, ".local", "share", "tracery", "traces.db")), "the default data directory is ~/.local/share/tracery");

        await using var restarted = await StartAsync();
        using var reader = new HttpClient { BaseAddress = restarted.BaseAddress };
        var stored = await TraceBodies.StoredSpansAsync(reader, [traceId]);
        Assert.True(stored.GetValueOrDefault(traceId) == TraceBodies.SpansPerTrace, $"trace {traceId} has {stored.GetValueOrDefault(traceId)} spans after the restart:\n{restarted.Output}");
        await restarted.StopCleanlyAsync();
    }
}

namespace Tracery.Cli.Tests.Commands;

using Tracery.Cli.Commands;

/// <summary>The server command's storage options, and bad settings named in the real process's error.</summary>
public sealed class ServerCommandTests
{
    [Fact]
    public void FlushIntervalAndBacklogOptionsSetTheWriter()
    {
        var options = ServerCommand.Read(ServerCommand.Create().Parse(["--flush-interval", "1s", "--backlog-max-spans", "500", "--storage", "postgres"]));

        Assert.Equal((TimeSpan.FromSeconds(1), 500, "postgres"), (options.Writer.FlushInterval, options.Writer.MaxBacklogSpans, options.StorageType));
    }

    [Theory]
    [InlineData("--flush-interval", "soon", "--flush-interval must be a positive duration such as 11s, 500ms or 2m, not \"soon\"")]
    [InlineData("--storage", "mysql", "--storage must be mem, sqlite, sqlite:PATH, postgres, postgres://user:pass@host:port/db or postgres:CONNECTION-STRING, not \"mysql\"")]
    public void BadOptionsAreNamed(string option, string value, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => ServerCommand.Read(ServerCommand.Create().Parse([option, value]))).Message);

    [Fact]
    public async Task ABadPostgresVariable_StopsTheServerWithItsName()
    {
        var directory = Directory.CreateTempSubdirectory("tracery-badenv-").FullName;
        try
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(directory,
                new Dictionary<string, string> { ["STORAGE_TYPE"] = "postgres", ["POSTGRES_TCP_PORT"] = "pg" }, "--port", "0", "--scribe-enabled", "false"));

            Assert.Contains("exited with 2", failure.Message, StringComparison.Ordinal);
            Assert.Contains("tracery server: POSTGRES_TCP_PORT must be a whole number from 1 to 65535, not \"pg\"", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

namespace Tracery.Cli.Tests.Commands;

using System.CommandLine;
using Tracery.Cli.Commands;

public sealed class SampleCommandsTests
{
    [Theory]
    [InlineData("--failure-rate 1.5", "--failure-rate must be between 0.0 and 1.0")]
    [InlineData("--latency soon", "--latency 'soon' is not a valid duration")]
    [InlineData("--address nowhere", "--address 'nowhere' is not an IP address")]
    [InlineData("--proxy https://x:1", "http_proxy 'https://x:1' is not a proxy address")]
    public void BadOptionsAreNamedInTheError(string args, string message)
    {
        var errors = SampleCommands.CreateHello().Parse(args).Errors;

        Assert.Contains(errors, e => e.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void WorldAcceptsTheTutorialsOptions()
    {
        var result = SampleCommands.CreateWorld().Parse("--address 127.0.0.3 --port 0 --pod-ip 10.0.0.3 --latency 1.5s --failure-rate 0.25 --text planet");

        Assert.Empty(result.Errors);
    }
}

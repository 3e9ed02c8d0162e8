namespace Tracery.Cli.Tests.Demo;

using System.Net;
using System.Net.Sockets;
using Tracery.Cli.Demo;

public sealed class DemoRunTests
{
    [Fact]
    public async Task APortInUseIsNamedAndNothingIsLeftRunning()
    {
        var options = TestDemo.Options();
        using var holder = new TcpListener(options.NodeA, options.Ports.Outgoing);
        holder.Start();
        var (console, output) = TestDemo.Console();

        var exit = await new DemoRun(console, TimeProvider.System).RunAsync(options, showConfig: false, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains($"cannot start the node A outgoing router on {options.NodeA}:{options.Ports.Outgoing}: address already in use", output.ToString());
        Assert.Null(PortCheck.FirstUnavailable(DemoListener.All(options).Where(l => l.Component != "node A outgoing router")));
    }

    [Fact]
    public async Task APortTakenWhileStartingStopsThePartsAlreadyStarted()
    {
        var options = TestDemo.Options();
        using var holder = new TcpListener(options.NodeA, options.Ports.Hello);
        holder.Start();

        var error = await Assert.ThrowsAsync<DemoStartException>(() => DemoSession.StartAsync(options, CancellationToken.None));

        Assert.Equal($"cannot start the hello app on {options.NodeA}:{options.Ports.Hello}: address already in use", error.Message);
        Assert.Null(PortCheck.FirstUnavailable(DemoListener.All(options).Where(l => l.Component != "hello app")));
    }
}

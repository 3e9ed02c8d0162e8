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

    [Fact]
    public async Task RunsWithBackgroundTrafficUntilCancelledThenStopsEverything()
    {
        var options = TestDemo.Options() with { Once = false, Traffic = 20 };
        var (console, output) = TestDemo.Console();
        using var stop = new CancellationTokenSource();

        var run = new DemoRun(console, TimeProvider.System).RunAsync(options, showConfig: true, stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Printed(output).Contains("Running, sending 20 request(s) per second") && DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            await Task.Delay(20);
        }
        await Task.Delay(300);
        await stop.CancelAsync();
        var exit = await run.WaitAsync(TimeSpan.FromSeconds(30));

        var printed = Printed(output);
        Assert.Equal(0, exit);
        Assert.Contains("node-a.yaml", printed);
        Assert.Contains("- kind: io.l5d.specificHost", printed);
        Assert.Matches(@"Sent [1-9]\d* background request\(s\), 0 failed\.", printed);
        Assert.Contains("Stopping.", printed);
        Assert.Null(PortCheck.FirstUnavailable(DemoListener.All(options)));
    }

    private static string Printed(StringWriter output) => output.ToString();
}

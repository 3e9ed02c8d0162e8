namespace Tracery.Cli.Tests.Demo;

using System.Net;
using System.Net.Sockets;
using Tracery.Cli.Demo;

public sealed class PortCheckTests
{
    [Fact]
    public void NamesThePartWhosePortIsTaken()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var taken = (IPEndPoint)holder.LocalEndpoint;
        DemoListener[] listeners = [new("free part", new(IPAddress.Loopback, 0)), new("hello app", taken)];

        var unavailable = PortCheck.FirstUnavailable(listeners);

        Assert.NotNull(unavailable);
        Assert.Equal("hello app", unavailable.Value.Listener.Component);
        Assert.Equal("address already in use", unavailable.Value.Reason);
    }

    [Fact]
    public void FindsNothingWhenAllAreFree() =>
        Assert.Null(PortCheck.FirstUnavailable([new("a", new(IPAddress.Loopback, 0)), new("b", new(IPAddress.Parse("127.0.0.3"), 0))]));
}

namespace Tracery.Cli.Tests.Demo;

using System.Net;
using System.Net.Sockets;
using Spectre.Console;
using Tracery.Cli.Demo;

/// <summary>Demo options on ports the OS picks, so tests run in parallel and beside a running demo.</summary>
internal static class TestDemo
{
    private static readonly IPAddress ServerAddress = IPAddress.Loopback;
    private static readonly IPAddress NodeA = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress NodeB = IPAddress.Parse("127.0.0.3");

    public static DemoOptions Options()
    {
        // Held open until every port is picked, so no two picks are the same; the routers' and
        // admin's ports must be free on both nodes, since both nodes use the same numbers.
        var held = new List<Socket>();
        try
        {
            int Pick(params IPAddress[] addresses)
            {
                while (true)
                {
                    var first = Bind(new IPEndPoint(addresses[0], 0))!;
                    held.Add(first);
                    var port = ((IPEndPoint)first.LocalEndPoint!).Port;
                    var others = addresses.Skip(1).Select(a => Bind(new IPEndPoint(a, port))).ToList();
                    held.AddRange(others.OfType<Socket>());
                    if (others.All(s => s is not null))
                    {
                        return port;
                    }
                }
            }
            var ports = new DemoPorts
            {
                Http = Pick(ServerAddress),
                Scribe = Pick(ServerAddress),
                Outgoing = Pick(NodeA, NodeB),
                Incoming = Pick(NodeA, NodeB),
                Admin = Pick(NodeA, NodeB),
                Hello = Pick(NodeA),
                World = Pick(NodeB),
            };
            return new DemoOptions { ServerAddress = ServerAddress, NodeA = NodeA, NodeB = NodeB, Ports = ports, Once = true };
        }
        finally
        {
            held.ForEach(s => s.Dispose());
        }
    }

    public static (IAnsiConsole Console, StringWriter Output) Console()
    {
        var output = new LockedStringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 250;
        return (console, output);
    }

    private static Socket? Bind(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endPoint);
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}

namespace Tracery.Cli.Demo;

using System.Net;

/// <summary>One address the demo listens on, with the name of the part that listens there (for error messages).</summary>
internal sealed record DemoListener(string Component, IPEndPoint EndPoint)
{
    public override string ToString() => $"{Component} on {EndPoint}";

    /// <summary>Every listener of the demo, in start order.</summary>
    public static IReadOnlyList<DemoListener> All(DemoOptions options)
    {
        var p = options.Ports;
        return
        [
            new("trace server (HTTP: collector, API, UI)", new(options.ServerAddress, p.Http)),
            new("trace server (Scribe)", new(options.ServerAddress, p.Scribe)),
            new("world app", new(options.NodeB, p.World)),
            new("hello app", new(options.NodeA, p.Hello)),
            new("node B outgoing router", new(options.NodeB, p.Outgoing)),
            new("node B incoming router", new(options.NodeB, p.Incoming)),
            new("node B admin", new(options.NodeB, p.Admin)),
            new("node A outgoing router", new(options.NodeA, p.Outgoing)),
            new("node A incoming router", new(options.NodeA, p.Incoming)),
            new("node A admin", new(options.NodeA, p.Admin)),
        ];
    }
}

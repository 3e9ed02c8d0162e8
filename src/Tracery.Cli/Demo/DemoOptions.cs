namespace Tracery.Cli.Demo;

using System.Net;

/// <summary>How `tracery demo` runs: where each part listens and what it does after the first request.</summary>
internal sealed record DemoOptions
{
    /// <summary>The trace server's address (HTTP and Scribe).</summary>
    public IPAddress ServerAddress { get; init; } = IPAddress.Parse("127.0.0.1");

    /// <summary>Node A: its mesh and the hello app.</summary>
    public IPAddress NodeA { get; init; } = IPAddress.Parse("127.0.0.2");

    /// <summary>Node B: its mesh and the world app.</summary>
    public IPAddress NodeB { get; init; } = IPAddress.Parse("127.0.0.3");

    public DemoPorts Ports { get; init; } = new();

    /// <summary>The routers' <c>io.l5d.zipkin</c> sampleRate.</summary>
    public double SampleRate { get; init; } = 1.0;

    /// <summary>
    /// How the mesh reports spans: <c>io.l5d.zipkin</c> (Linkerd 1's Scribe telemeter, to the Scribe port)
    /// or <c>io.zipkin.http</c> (the linkerd-zipkin plugin, JSON to the HTTP port).
    /// </summary>
    public string Telemeter { get; init; } = "io.l5d.zipkin";

    /// <summary>
    /// The routers' <c>tracePropagator</c>: Linkerd's <c>io.l5d.default</c> (the tutorial's <c>l5d-ctx-trace</c>)
    /// or <c>io.l5d.zipkin</c> (B3 headers, so a caller's B3 trace continues through the mesh).
    /// </summary>
    public string TracePropagator { get; init; } = "io.l5d.default";

    /// <summary>Exit after printing the first trace instead of running until Ctrl-C.</summary>
    public bool Once { get; init; }

    /// <summary>Requests per second sent in the background while the demo runs; 0 sends none.</summary>
    public int Traffic { get; init; }

    /// <summary>How long to wait for the first trace to be stored with all its spans.</summary>
    public TimeSpan TraceTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The spans one request through both nodes makes: a SERVER and a CLIENT span per router, four routers.</summary>
    public const int SpansPerRequest = 8;

    /// <summary>The Zipkin service name of node A's outgoing router, as Linkerd labels a server: <c>ip/port</c>.</summary>
    public string OutgoingServiceName => $"{NodeA}/{Ports.Outgoing}";

    public Uri Proxy => new($"http://{NodeA}:{Ports.Outgoing}/");

    public Uri TraceServer => new($"http://{ServerAddress}:{Ports.Http}/");
}

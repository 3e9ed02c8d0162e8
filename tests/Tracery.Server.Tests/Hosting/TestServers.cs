namespace Tracery.Server.Tests.Hosting;

using System.Net;
using Tracery.Server.Hosting;

/// <summary>Starts real trace servers on loopback with OS-picked ports, so tests run in parallel.</summary>
internal static class TestServers
{
    public static TraceServerOptions Loopback { get; } = new()
    {
        HttpEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
        ScribeEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
    };

    public static Task<TraceServer> StartAsync(Func<TraceServerOptions, TraceServerOptions>? configure = null) =>
        TraceServer.StartAsync(configure?.Invoke(Loopback) ?? Loopback, CancellationToken.None);

    public static HttpClient Client(this TraceServer server) => new() { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
}

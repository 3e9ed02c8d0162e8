namespace Tracery.Mesh.Tests.Support;

using System.Net;
using Tracery.Mesh.Admin;
using Tracery.Mesh.Hosting;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Routing;

/// <summary>A running mesh with one router on 127.0.0.1:0, its admin server on 127.0.0.1:0, and an http_proxy client.</summary>
public sealed class TestMesh : IAsyncDisposable
{
    private TestMesh(MeshHost host, HttpClient client)
    {
        Host = host;
        Client = client;
    }

    public MeshHost Host { get; }

    /// <summary>Sends through the router as an HTTP proxy (absolute-form request targets), as http_proxy does.</summary>
    public HttpClient Client { get; }

    public IPEndPoint Router => Host.RouterEndpoints.Values.First()[0];

    public HttpClient Admin => new() { BaseAddress = new Uri($"http://{Host.AdminEndpoint}") };

    public static Task<TestMesh> StartAsync(
        INameInterpreter interpreter, Func<RouterDefinition, RouterDefinition>? configure = null, RecentRequestLog? recent = null, TimeProvider? time = null) =>
        StartAsync(new RouterDefinition("outgoing", [new IPEndPoint(IPAddress.Loopback, 0)], new HostTokenIdentifier(), interpreter, Dtab.Empty), configure, recent, time);

    /// <param name="time">The mesh's clock (a fake one drives metric windows); the system clock when null.</param>
    public static async Task<TestMesh> StartAsync(
        RouterDefinition router, Func<RouterDefinition, RouterDefinition>? configure = null, RecentRequestLog? recent = null, TimeProvider? time = null)
    {
        var options = new MeshOptions([configure?.Invoke(router) ?? router])
        {
            Admin = new IPEndPoint(IPAddress.Loopback, 0),
            RecentRequests = recent,
            Time = time ?? TimeProvider.System,
        };
        var host = await MeshHost.StartAsync(options);
        var endpoint = host.RouterEndpoints.Values.First()[0];
        var handler = new SocketsHttpHandler { Proxy = new WebProxy($"http://{endpoint}"), UseProxy = true };
        return new TestMesh(host, new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

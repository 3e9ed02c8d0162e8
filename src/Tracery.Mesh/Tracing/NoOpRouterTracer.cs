namespace Tracery.Mesh.Tracing;

using System.Net;
using Microsoft.AspNetCore.Http;

/// <summary>Records nothing and propagates nothing: for routers built without tracing, and for tests.</summary>
public sealed class NoOpRouterTracer : IRouterTracer
{
    public static readonly NoOpRouterTracer Instance = new();

    public ServerSpanScope StartServer(HttpContext context, string routerLabel, IPEndPoint serverAddress) => default;

    public ClientSpanScope StartClient(
        in ServerSpanScope server, string clientLabel, string logicalService, HttpRequestMessage outgoing, IPEndPoint? upstream = null) =>
        default;
}

namespace Tracery.Mesh.Hosting;

using Microsoft.AspNetCore.Server.Kestrel.Core;
using Tracery.Mesh.Routing;

/// <summary>
/// Ties a Kestrel listener to the router that owns it. Stored in each accepted connection's items, so the
/// request pipeline finds its router without matching ports (which port 0 makes unknown until bind).
/// </summary>
internal sealed class RouterBinding(Router router, ServerDefinition server, ListenOptions listener)
{
    public const string Key = "tracery.router";

    private string? _serverLabel;

    public Router Router => router;

    public ServerDefinition Server => server;

    /// <summary>The server's <c>maxConcurrentRequests</c>, shared by all its connections; null when unlimited.</summary>
    public ConcurrencyLimit? Limit { get; } = server.MaxConcurrentRequests is int max ? new ConcurrencyLimit(max) : null;

    public System.Net.IPEndPoint Endpoint => listener.IPEndPoint!;

    /// <summary>Linkerd's server label <c>ip/port</c>, read once bound so that port 0 shows the real port.</summary>
    public string ServerLabel => _serverLabel ??= $"{Endpoint.Address}/{Endpoint.Port}";
}

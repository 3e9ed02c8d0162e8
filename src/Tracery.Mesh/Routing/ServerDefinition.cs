namespace Tracery.Mesh.Routing;

using System.Net;

/// <summary>
/// One listener of a router (a <c>servers[]</c> entry) and what it enforces on the requests it accepts.
/// An <see cref="IPEndPoint"/> converts to a server with Linkerd's defaults, which keeps hand-built routers short.
/// </summary>
public sealed record ServerDefinition(IPEndPoint Endpoint)
{
    /// <summary>Linkerd's <c>maxConcurrentRequests</c>: requests beyond it are refused at once with 503; null is unlimited.</summary>
    public int? MaxConcurrentRequests { get; init; }

    /// <summary><c>tls</c>: the listener speaks HTTPS; null is plain HTTP.</summary>
    public Transport.ServerTls? Tls { get; init; }

    /// <summary><c>addForwardedHeader</c>: null adds no <c>Forwarded</c> header.</summary>
    public Forwarded.ForwardedHeader? AddForwardedHeader { get; init; }

    public static implicit operator ServerDefinition(IPEndPoint endpoint) => new(endpoint);
}

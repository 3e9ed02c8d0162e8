namespace Tracery.Mesh.Routing.Forwarded;

using System.Net;

/// <summary>Names one node of a <c>Forwarded</c> header (Linkerd's <c>ForwardedHeaderLabeler</c>).</summary>
public interface IForwardedLabeler
{
    /// <param name="address">The node's address: the listener's for <c>by</c>, the client's for <c>for</c>.</param>
    /// <param name="connectionId">Kestrel's id of the connection the request came on.</param>
    string Label(IPAddress? address, int port, string connectionId);
}

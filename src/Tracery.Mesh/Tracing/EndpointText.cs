namespace Tracery.Mesh.Tracing;

using System.Net;
using System.Net.Sockets;
using Tracery.Tracing.Model;

/// <summary>Span endpoints from socket addresses, and back to text.</summary>
internal static class EndpointText
{
    /// <summary>An endpoint for <paramref name="address"/>; a service name is lower-cased as Zipkin stores it.</summary>
    public static Endpoint From(string? serviceName, IPAddress? ip, int port)
    {
        if (ip is { IsIPv4MappedToIPv6: true })
        {
            ip = ip.MapToIPv4();
        }

        var v4 = ip?.AddressFamily == AddressFamily.InterNetwork ? ip.ToString() : null;
        var v6 = ip?.AddressFamily == AddressFamily.InterNetworkV6 ? ip.ToString() : null;
        return new Endpoint(string.IsNullOrEmpty(serviceName) ? null : serviceName.ToLowerInvariant(), v4, v6, Math.Max(port, 0));
    }

    /// <summary>Linkerd's server label: <c>ip/port</c>, e.g. <c>127.0.0.2/4140</c>.</summary>
    public static string ServerLabel(IPEndPoint server) => server.Address + "/" + server.Port;

    public static string? Address(Endpoint? endpoint) =>
        (endpoint?.Ipv4 ?? endpoint?.Ipv6) is { } ip ? ip + ":" + endpoint!.Port : null;
}

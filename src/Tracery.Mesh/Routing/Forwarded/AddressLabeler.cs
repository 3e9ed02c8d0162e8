namespace Tracery.Mesh.Routing.Forwarded;

using System.Net;
using System.Net.Sockets;

/// <summary>
/// <c>ip</c> and <c>ip:port</c>: the node's address in clear, as RFC 7239 writes it (<c>192.0.2.43</c>,
/// <c>"[2001:db8::17]"</c>, <c>"192.0.2.43:8080"</c>); a wildcard or missing address is <c>unknown</c>.
/// </summary>
public sealed class AddressLabeler(bool withPort) : IForwardedLabeler
{
    public string Label(IPAddress? address, int port, string connectionId)
    {
        if (address is null)
        {
            return ForwardedHeader.Unknown;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return ForwardedHeader.Unknown;
        }
        var ip = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return withPort ? $"\"{ip}:{port}\""
            : address.AddressFamily == AddressFamily.InterNetworkV6 ? $"\"{ip}\""
            : ip;
    }
}

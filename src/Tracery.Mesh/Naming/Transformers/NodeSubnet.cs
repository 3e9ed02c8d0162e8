namespace Tracery.Mesh.Naming.Transformers;

using System.Net;
using System.Net.Sockets;

/// <summary>
/// Linkerd's Kubernetes transformers call two IPv4 addresses "on the same node" when they share a /24
/// (netmask 255.255.255.0), the per-node pod CIDR of the common network plugins.
/// </summary>
internal static class NodeSubnet
{
    public static bool Same(IPAddress a, string host) =>
        IPAddress.TryParse(host, out var b) && a.AddressFamily == AddressFamily.InterNetwork && b.AddressFamily == AddressFamily.InterNetwork
        && a.GetAddressBytes().AsSpan(0, 3).SequenceEqual(b.GetAddressBytes().AsSpan(0, 3));
}

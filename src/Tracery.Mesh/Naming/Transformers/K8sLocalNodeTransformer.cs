namespace Tracery.Mesh.Naming.Transformers;

using System.Net;
using System.Net.Sockets;

/// <summary>
/// <c>io.l5d.k8s.localnode</c>: keeps only the endpoints on this mesh pod's node. Like Linkerd's
/// <c>SubnetLocalTransformer</c>, "on this node" means in the same /24 as <c>POD_IP</c>, the per-node pod CIDR
/// of the common network plugins; the bound id is prefixed <c>/%/io.l5d.k8s.localnode/&lt;POD_IP&gt;</c>.
/// </summary>
public sealed class K8sLocalNodeTransformer : AddressTransformer
{
    private readonly IPAddress podIp;

    public K8sLocalNodeTransformer(IPAddress podIp) : base("io.l5d.k8s.localnode", NamePath.Of("io.l5d.k8s.localnode", podIp.ToString()))
    {
        if (podIp.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"io.l5d.k8s.localnode needs an IPv4 POD_IP for its /24 rule, not {podIp}");
        }

        this.podIp = podIp;
    }

    /// <summary>Reads <c>POD_IP</c> as Linkerd does (the DaemonSet sets it from <c>status.podIP</c>).</summary>
    public static K8sLocalNodeTransformer FromEnvironment(bool hostNetwork, Func<string, string?> environment)
    {
        if (hostNetwork)
        {
            // With host networking every pod shares the node's IP, so matching needs each endpoint's node name.
            throw new NotSupportedException("io.l5d.k8s.localnode hostNetwork: true matches endpoints by node name, which needs the io.l5d.k8s namer's runtime (not in this build)");
        }

        var podIp = environment("POD_IP");
        if (string.IsNullOrWhiteSpace(podIp))
        {
            throw new ArgumentException("io.l5d.k8s.localnode: POD_IP env variable must be set to the pod's IP");
        }

        return IPAddress.TryParse(podIp, out var ip)
            ? new K8sLocalNodeTransformer(ip)
            : throw new ArgumentException($"io.l5d.k8s.localnode: POD_IP '{podIp}' is not an IP address");
    }

    protected override IReadOnlyList<Address> Transform(IReadOnlyList<Address> addresses) =>
        addresses.Where(a => NodeSubnet.Same(podIp, a.Host)).ToList();
}

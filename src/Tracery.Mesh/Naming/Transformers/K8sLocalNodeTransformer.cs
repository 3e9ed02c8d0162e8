namespace Tracery.Mesh.Naming.Transformers;

using System.Net;
using System.Net.Sockets;

/// <summary>
/// <c>io.l5d.k8s.localnode</c>: keeps only the endpoints on this mesh pod's node. Like Linkerd's
/// <c>SubnetLocalTransformer</c>, "on this node" means in the same /24 as <c>POD_IP</c>, the per-node pod CIDR
/// of the common network plugins; the bound id is prefixed <c>/%/io.l5d.k8s.localnode/&lt;POD_IP&gt;</c>. With
/// <c>hostNetwork: true</c> the mesh pod has the node's IP, outside the pod CIDR, so endpoints are kept by their
/// <c>nodeName</c> equal to <c>NODE_NAME</c> instead, and the prefix is <c>/%/io.l5d.k8s.localnode/&lt;NODE_NAME&gt;</c>.
/// </summary>
public sealed class K8sLocalNodeTransformer : AddressTransformer
{
    private readonly Func<Address, bool> local;

    public K8sLocalNodeTransformer(IPAddress podIp) : this(podIp.ToString(), a => NodeSubnet.Same(podIp, a.Host))
    {
        if (podIp.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"io.l5d.k8s.localnode needs an IPv4 POD_IP for its /24 rule, not {podIp}");
        }
    }

    private K8sLocalNodeTransformer(string node, Func<Address, bool> local)
        : base("io.l5d.k8s.localnode", NamePath.Of("io.l5d.k8s.localnode", node)) => this.local = local;

    /// <summary>The hostNetwork variant: keeps endpoints whose node (as <paramref name="nodeOf"/> an IP tells) is <paramref name="nodeName"/>.</summary>
    public static K8sLocalNodeTransformer ByNodeName(string nodeName, Func<string, string?> nodeOf) =>
        new(nodeName, a => nodeOf(a.Host) == nodeName);

    /// <summary>Reads <c>POD_IP</c> (or <c>NODE_NAME</c> with host networking) as Linkerd does; the DaemonSet sets both.</summary>
    public static K8sLocalNodeTransformer FromEnvironment(bool hostNetwork, Func<string, string?> environment, Func<string, string?>? nodeOf = null)
    {
        if (hostNetwork)
        {
            var nodeName = environment("NODE_NAME");
            if (string.IsNullOrWhiteSpace(nodeName))
            {
                throw new ArgumentException("io.l5d.k8s.localnode hostNetwork: NODE_NAME env variable must be set to the node's name");
            }

            return ByNodeName(nodeName, nodeOf ?? (_ => null));
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

    protected override IReadOnlyList<Address> Transform(IReadOnlyList<Address> addresses) => addresses.Where(local).ToList();
}

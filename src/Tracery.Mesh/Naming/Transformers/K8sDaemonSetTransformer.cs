namespace Tracery.Mesh.Naming.Transformers;

using System.Collections.Concurrent;
using System.Net;
using Tracery.Mesh.Naming.Addresses;
using Tracery.Mesh.Naming.Namers;

/// <summary>
/// <c>io.l5d.k8s.daemonset</c>: sends each request to the mesh pod on its destination's node instead of the
/// destination. Every endpoint is replaced by the endpoints of the mesh Service (<c>namespace</c>/<c>port</c>/
/// <c>service</c>, read through the same Kubernetes API as the k8s namer) in the same /24. The bound id is
/// prefixed <c>/%/io.l5d.k8s.daemonset/&lt;namespace&gt;/&lt;port&gt;/&lt;service&gt;</c>, as Linkerd's, in both variants.
/// With <c>hostNetwork: true</c> the mesh pods have their nodes' IPs, outside the pod CIDR, so a mesh pod is chosen
/// by node name instead: the one whose <c>nodeName</c> is the destination's (<paramref name="destinationNode"/>).
/// Disposing it disposes <paramref name="kubernetes"/>, the connection it reads the mesh Service through.
/// </summary>
public sealed class K8sDaemonSetTransformer(string ns, string port, string service, K8sNamer kubernetes, Func<string, string?>? destinationNode = null)
    : INameTransformer, IDisposable
{
    private readonly ConcurrentDictionary<string, BoundName> transformed = new(StringComparer.Ordinal);
    private readonly string idPrefix = $"/%/io.l5d.k8s.daemonset/{ns}/{port}/{service}";
    private readonly Func<Address, Address, bool> sameNode = destinationNode is null
        ? (destination, mesh) => IPAddress.TryParse(destination.Host, out var ip) && NodeSubnet.Same(ip, mesh.Host)
        : (destination, mesh) => destinationNode(destination.Host) is { } node && node == kubernetes.NodeOf(mesh.Host);

    public string Kind => "io.l5d.k8s.daemonset";

    public async ValueTask<NameTree<BoundName>> TransformAsync(BoundName name, CancellationToken cancellationToken = default)
    {
        if (await kubernetes.LookupAsync(NamePath.Of(ns, port, service), cancellationToken) is not NameTree<BoundName>.Leaf meshes)
        {
            return NameTree<BoundName>.NegInstance;
        }

        var result = transformed.GetOrAdd(name.Id, static (id, s) => new BoundName(
            s.Self.idPrefix + id, s.Self.Follow(s.Name.Addresses, s.Meshes.Value.Addresses), s.Name.Residual), (Self: this, Name: name, Meshes: meshes));
        return new NameTree<BoundName>.Leaf(result.Residual.Equals(name.Residual) ? result : result with { Residual = name.Residual });
    }

    public void Dispose() => kubernetes.Dispose();

    /// <summary>The node-local mesh addresses, kept current as either the destinations or the mesh pods change.</summary>
    private LiveAddressSet Follow(IAddressSet destinations, IAddressSet meshes)
    {
        var output = new LiveAddressSet(Gateways(destinations.Current, meshes.Current));
        // Lives as long as the cached name, like every transformed set (one per client).
        destinations.Subscribe(d => output.Update(Gateways(d, meshes.Current)));
        meshes.Subscribe(m => output.Update(Gateways(destinations.Current, m)));
        return output;
    }

    private IReadOnlyList<Address> Gateways(IReadOnlyList<Address> destinations, IReadOnlyList<Address> meshes) =>
        [.. meshes.Where(m => destinations.Any(d => sameNode(d, m)))];
}

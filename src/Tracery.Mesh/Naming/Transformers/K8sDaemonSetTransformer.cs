namespace Tracery.Mesh.Naming.Transformers;

using System.Collections.Concurrent;
using System.Net;
using Tracery.Mesh.Naming.Addresses;

/// <summary>
/// <c>io.l5d.k8s.daemonset</c>: sends each request to the mesh pod on its destination's node instead of the
/// destination. Every endpoint is replaced by the endpoints of the mesh Service (<c>namespace</c>/<c>port</c>/
/// <c>service</c>, read through the same Kubernetes API as the k8s namer) in the same /24. The bound id is
/// prefixed <c>/%/io.l5d.k8s.daemonset/&lt;namespace&gt;/&lt;port&gt;/&lt;service&gt;</c>, as Linkerd's.
/// </summary>
public sealed class K8sDaemonSetTransformer(string ns, string port, string service, INamer kubernetes) : INameTransformer
{
    private readonly ConcurrentDictionary<string, BoundName> transformed = new(StringComparer.Ordinal);
    private readonly string idPrefix = $"/%/io.l5d.k8s.daemonset/{ns}/{port}/{service}";

    public string Kind => "io.l5d.k8s.daemonset";

    public async ValueTask<NameTree<BoundName>> TransformAsync(BoundName name, CancellationToken cancellationToken = default)
    {
        if (await kubernetes.LookupAsync(NamePath.Of(ns, port, service), cancellationToken) is not NameTree<BoundName>.Leaf meshes)
        {
            return NameTree<BoundName>.NegInstance;
        }

        var result = transformed.GetOrAdd(name.Id, static (id, s) => new BoundName(
            s.Self.idPrefix + id, Follow(s.Name.Addresses, s.Meshes.Value.Addresses), s.Name.Residual), (Self: this, Name: name, Meshes: meshes));
        return new NameTree<BoundName>.Leaf(result.Residual.Equals(name.Residual) ? result : result with { Residual = name.Residual });
    }

    /// <summary>The node-local mesh addresses, kept current as either the destinations or the mesh pods change.</summary>
    private static LiveAddressSet Follow(IAddressSet destinations, IAddressSet meshes)
    {
        var output = new LiveAddressSet(Gateways(destinations.Current, meshes.Current));
        // Lives as long as the cached name, like every transformed set (one per client).
        destinations.Subscribe(d => output.Update(Gateways(d, meshes.Current)));
        meshes.Subscribe(m => output.Update(Gateways(destinations.Current, m)));
        return output;
    }

    private static IReadOnlyList<Address> Gateways(IReadOnlyList<Address> destinations, IReadOnlyList<Address> meshes) =>
        [.. meshes.Where(m => destinations.Any(d => IPAddress.TryParse(d.Host, out var ip) && NodeSubnet.Same(ip, m.Host)))];
}

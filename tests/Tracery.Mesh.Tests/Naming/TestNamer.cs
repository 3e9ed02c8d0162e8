namespace Tracery.Mesh.Tests.Naming;

using Tracery.Mesh.Naming;
using Tracery.Mesh.Naming.Addresses;

/// <summary>A namer over a fixed table, for delegation tests that are about the dtab rather than a namer's source.</summary>
internal sealed class TestNamer(string prefix, IReadOnlyDictionary<string, Address[]> names) : INamer
{
    public NamePath Prefix { get; } = NamePath.Parse(prefix);

    public ValueTask<NameTree<BoundName>> LookupAsync(NamePath path, CancellationToken cancellationToken = default)
    {
        if (path.IsEmpty || !names.TryGetValue(path.Segments[0], out var addresses))
        {
            return ValueTask.FromResult(NameTree<BoundName>.NegInstance);
        }

        var id = "/#" + Prefix + "/" + path.Segments[0];
        var bound = new BoundName(id, new StaticAddressSet(addresses), path.Drop(1));
        return ValueTask.FromResult<NameTree<BoundName>>(new NameTree<BoundName>.Leaf(bound));
    }
}

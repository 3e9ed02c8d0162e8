namespace Tracery.Mesh.Naming.Transformers;

using System.Collections.Concurrent;
using Tracery.Mesh.Naming.Addresses;

/// <summary>
/// A transformer that rewrites the addresses of each bound name and prefixes its id with <c>/%</c> + <see cref="Prefix"/>
/// (Linkerd's bound-id shape, e.g. <c>/%/io.l5d.port/4141/#/io.l5d.fs/hello</c>). The result follows the source
/// live; one transformed name is kept per source id, so clients keyed by id keep their state.
/// </summary>
public abstract class AddressTransformer : INameTransformer
{
    private readonly ConcurrentDictionary<string, BoundName> transformed = new(StringComparer.Ordinal);

    private readonly string idPrefix;

    protected AddressTransformer(string kind, NamePath prefix)
    {
        Kind = kind;
        Prefix = prefix;
        idPrefix = "/%" + prefix;
    }

    public string Kind { get; }

    /// <summary>The transformer's own prefix, for example <c>/io.l5d.port/4141</c>.</summary>
    public NamePath Prefix { get; }

    public ValueTask<NameTree<BoundName>> TransformAsync(BoundName name, CancellationToken cancellationToken = default)
    {
        // Keyed by the source id, so a request that finds its name costs one dictionary read.
        var result = transformed.GetOrAdd(name.Id, static (id, state) => new BoundName(
            state.Self.idPrefix + id, new DerivedAddressSet(state.Name.Addresses, state.Self.Transform), state.Name.Residual), (Self: this, Name: name));

        // The residual belongs to this request's path, not to the cached client.
        if (!result.Residual.Equals(name.Residual))
        {
            result = result with { Residual = name.Residual };
        }

        return ValueTask.FromResult<NameTree<BoundName>>(new NameTree<BoundName>.Leaf(result));
    }

    /// <summary>The rewritten addresses; an empty list leaves the name bound with no endpoints.</summary>
    protected abstract IReadOnlyList<Address> Transform(IReadOnlyList<Address> addresses);
}

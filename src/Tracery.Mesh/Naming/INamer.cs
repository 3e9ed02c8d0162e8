namespace Tracery.Mesh.Naming;

/// <summary>
/// A configured namer (Linkerd's <c>namers:</c> entry), reached through <c>/#/&lt;prefix&gt;/...</c>. It binds the
/// path after its prefix to live address sets, or answers <see cref="NameTree{T}.Neg"/> when it does not know the name.
/// </summary>
public interface INamer
{
    /// <summary>The path after <c>/#</c> that routes to this namer, for example <c>/io.l5d.fs</c>.</summary>
    NamePath Prefix { get; }

    /// <summary>Binds <paramref name="path"/> (the part after the prefix); answered from cached state, so it is cheap per request.</summary>
    ValueTask<NameTree<BoundName>> LookupAsync(NamePath path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes whenever a lookup could answer differently (a name appears or goes; address changes do not count,
    /// bound address sets are live). Null when the namer cannot tell, which turns resolution caching off.
    /// </summary>
    long? Version => null;
}

namespace Tracery.Mesh.Naming.Transformers;

/// <summary>
/// <c>io.l5d.replace</c>: every bound name is replaced by what <see cref="Path"/> binds to (a <c>/#/</c> or
/// <c>/$/</c> path); a negative resolution stays negative. The ids are those of the replacement, which is the client.
/// </summary>
public sealed class ReplaceTransformer(NamePath path, NamerSet namers) : INameTransformer
{
    public string Kind => "io.l5d.replace";

    public NamePath Path { get; } = NamerSet.RequireBindable(path, "io.l5d.replace");

    public ValueTask<NameTree<BoundName>> TransformAsync(BoundName name, CancellationToken cancellationToken = default) =>
        namers.BindAsync(Path, cancellationToken);
}

namespace Tracery.Mesh.Naming.Transformers;

/// <summary>
/// <c>io.l5d.const</c>: every resolution, negative included, becomes what <see cref="Path"/> binds to; useful to
/// send all traffic of a router to one place whatever the dtab says.
/// </summary>
public sealed class ConstTransformer(NamePath path, NamerSet namers) : IWholeTreeTransformer
{
    public string Kind => "io.l5d.const";

    public NamePath Path { get; } = NamerSet.RequireBindable(path, "io.l5d.const");

    public ValueTask<NameTree<BoundName>> ReplaceAsync(CancellationToken cancellationToken = default) => namers.BindAsync(Path, cancellationToken);

    public ValueTask<NameTree<BoundName>> TransformAsync(BoundName name, CancellationToken cancellationToken = default) => ReplaceAsync(cancellationToken);
}

namespace Tracery.Mesh.Naming;

/// <summary>
/// A transformer that replaces the whole resolution, negative or not (<c>io.l5d.const</c>), instead of rewriting
/// each bound name.
/// </summary>
public interface IWholeTreeTransformer : INameTransformer
{
    ValueTask<NameTree<BoundName>> ReplaceAsync(CancellationToken cancellationToken = default);
}

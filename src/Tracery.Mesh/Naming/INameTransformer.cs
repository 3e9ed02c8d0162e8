namespace Tracery.Mesh.Naming;

/// <summary>
/// An interpreter's transformer (Linkerd's <c>interpreter.transformers</c>): rewrites each bound name after
/// delegation, for example to point at the proxy on the destination's node instead of the destination itself.
/// </summary>
public interface INameTransformer
{
    /// <summary>The transformer's kind, shown by the delegator, for example <c>io.l5d.port</c>.</summary>
    string Kind { get; }

    /// <summary>The transformed tree for one bound name; <see cref="NameTree{T}.Neg"/> when no address survives.</summary>
    ValueTask<NameTree<BoundName>> TransformAsync(BoundName name, CancellationToken cancellationToken = default);
}

namespace Tracery.Mesh.Naming;

using Tracery.Mesh.Naming.Delegation;

/// <summary>
/// Linkerd's <c>default</c> interpreter: the router's dtab with the request's local dtab appended (so local entries
/// win), delegated over the configured namers, then the interpreter's transformers.
/// </summary>
public sealed class DefaultInterpreter(Dtab baseDtab, Delegator delegator) : INameInterpreter
{
    public Dtab BaseDtab { get; } = baseDtab;

    public Delegator Delegator { get; } = delegator;

    public async ValueTask<NameResolution> ResolveAsync(NamePath path, Dtab localDtab, CancellationToken cancellationToken = default)
    {
        var tree = await DelegateAsync(path, localDtab, cancellationToken).ConfigureAwait(false);
        return DelegationEvaluator.Evaluate(tree);
    }

    /// <summary>The steps of resolving <paramref name="path"/>, for <c>/delegator.json</c>.</summary>
    public ValueTask<DelegationTree> DelegateAsync(NamePath path, Dtab localDtab, CancellationToken cancellationToken = default) =>
        Delegator.DelegateAsync(BaseDtab.Concat(localDtab), path, cancellationToken);
}

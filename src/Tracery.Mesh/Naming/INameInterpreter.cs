namespace Tracery.Mesh.Naming;

/// <summary>
/// Resolves a destination path (for example <c>/svc/hello</c>) through a dtab into bound names, then applies
/// the interpreter's transformers. <paramref name="localDtab"/> is the per-request override from the
/// <c>l5d-dtab</c> and <c>l5d-ctx-dtab</c> headers, appended to the router's dtab.
/// </summary>
public interface INameInterpreter
{
    ValueTask<NameResolution> ResolveAsync(NamePath path, Dtab localDtab, CancellationToken cancellationToken = default);
}

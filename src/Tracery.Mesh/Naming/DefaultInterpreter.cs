namespace Tracery.Mesh.Naming;

using System.Collections.Concurrent;
using Tracery.Mesh.Naming.Delegation;

/// <summary>
/// Linkerd's <c>default</c> interpreter: the router's dtab with the request's local dtab appended (so local entries
/// win), delegated over the configured namers, then the interpreter's transformers.
/// Resolutions are cached (Linkerd's <c>bindingCache</c>) until a namer's set of names changes; bound address
/// sets are live, so endpoint changes need no new resolution.
/// </summary>
public sealed class DefaultInterpreter(Dtab baseDtab, Delegator delegator, int cacheCapacity = DefaultInterpreter.DefaultCacheCapacity) : INameInterpreter
{
    /// <summary>Linkerd's <c>bindingCache.paths</c> default.</summary>
    public const int DefaultCacheCapacity = 1000;

    private readonly ConcurrentDictionary<(NamePath Path, Dtab Local), (long Version, NameResolution Resolution)> cache = new();

    public Dtab BaseDtab { get; } = baseDtab;

    public Delegator Delegator { get; } = delegator;

    public async ValueTask<NameResolution> ResolveAsync(NamePath path, Dtab localDtab, CancellationToken cancellationToken = default)
    {
        var version = Delegator.Namers.Version;
        if (version is { } current && cache.TryGetValue((path, localDtab), out var hit) && hit.Version == current)
        {
            return hit.Resolution;
        }

        var tree = await DelegateAsync(path, localDtab, cancellationToken).ConfigureAwait(false);
        var resolution = DelegationEvaluator.Evaluate(tree);
        if (version is not null)
        {
            // Cheaper than an LRU and enough: the working set of destination paths is small and stable.
            if (cache.Count >= cacheCapacity)
            {
                cache.Clear();
            }

            cache[(path, localDtab)] = (version.Value, resolution);
        }

        return resolution;
    }

    /// <summary>The steps of resolving <paramref name="path"/>, for <c>/delegator.json</c>.</summary>
    public ValueTask<DelegationTree> DelegateAsync(NamePath path, Dtab localDtab, CancellationToken cancellationToken = default) =>
        Delegator.DelegateAsync(BaseDtab.Concat(localDtab), path, cancellationToken);
}

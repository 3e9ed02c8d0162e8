namespace Tracery.Mesh.Naming;

/// <summary>
/// Binds the paths that leave the dtab: <c>/#/&lt;prefix&gt;/...</c> through the configured namers and
/// <c>/$/...</c> through the system namers. Shared by the delegator and the transformers that bind a fixed path.
/// </summary>
public sealed class NamerSet
{
    private static readonly NamePath NamerRoot = NamePath.Of("#");
    private static readonly NamePath SystemRoot = NamePath.Of("$");
    private readonly IReadOnlyList<INamer> namers;

    public NamerSet(IEnumerable<INamer> namers)
    {
        // Longest prefix first, so /#/io.l5d.k8s.ns is not taken by a namer at /#/io.l5d.k8s.
        this.namers = namers.OrderByDescending(n => n.Prefix.Count).ToList();
    }

    public IReadOnlyList<INamer> Namers => namers;

    /// <summary>The sum of the namers' versions; null when one cannot tell (see <see cref="INamer.Version"/>).</summary>
    public long? Version
    {
        get
        {
            long sum = 0;
            foreach (var namer in namers)
            {
                if (namer.Version is not { } version)
                {
                    return null;
                }

                sum += version;
            }

            return sum;
        }
    }

    /// <summary>Whether <paramref name="path"/> is for a namer rather than for the dtab.</summary>
    public static bool IsBindable(NamePath path) => path.StartsWith(NamerRoot) || path.StartsWith(SystemRoot);

    /// <summary>Checks a configured path is one a namer binds; throws <see cref="ArgumentException"/> naming the user of it otherwise.</summary>
    public static NamePath RequireBindable(NamePath path, string user) =>
        IsBindable(path) ? path : throw new ArgumentException($"{user} needs a /#/ or /$/ path, not {path}", "path");

    /// <summary>
    /// Binds a <c>/#/</c> or <c>/$/</c> path; negative when no namer has its prefix. Throws
    /// <see cref="NameBindingException"/> for a path no system namer understands or a namer that fails.
    /// </summary>
    public async ValueTask<NameTree<BoundName>> BindAsync(NamePath path, CancellationToken cancellationToken = default)
    {
        if (path.StartsWith(SystemRoot))
        {
            var (bound, error) = SystemNamers.Bind(path);
            return bound ?? throw new NameBindingException(error!);
        }

        var underRoot = path.Drop(1);
        foreach (var namer in namers)
        {
            if (underRoot.StartsWith(namer.Prefix))
            {
                try
                {
                    return await namer.LookupAsync(underRoot.Drop(namer.Prefix.Count), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException and not NameBindingException)
                {
                    throw new NameBindingException($"namer {namer.Prefix} failed on {path}: {e.Message}");
                }
            }
        }

        return NameTree<BoundName>.NegInstance;
    }
}

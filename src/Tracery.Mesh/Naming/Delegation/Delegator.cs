namespace Tracery.Mesh.Naming.Delegation;

using System.Collections.Immutable;

/// <summary>
/// Delegates a path through a dtab as Finagle does, recording each step: the matching entries are tried last
/// first (as alternatives, so a negative result falls back to the earlier entry), each entry's destination is
/// delegated again with the unmatched rest of the path appended, <c>/#/</c> paths go to the configured namers and
/// <c>/$/</c> paths to the system namers, and the transformers then rewrite every bound name.
/// </summary>
public sealed class Delegator
{
    /// <summary>Finagle's recursion limit for dtab rewrites.</summary>
    public const int DefaultMaxDepth = 100;

    private readonly NamerSet namers;
    private readonly IReadOnlyList<INameTransformer> transformers;
    private readonly int maxDepth;

    public Delegator(NamerSet namers, IReadOnlyList<INameTransformer>? transformers = null, int maxDepth = DefaultMaxDepth)
    {
        this.namers = namers;
        this.transformers = transformers ?? [];
        this.maxDepth = maxDepth;
    }

    public Delegator(IReadOnlyList<INamer> namers, IReadOnlyList<INameTransformer>? transformers = null, int maxDepth = DefaultMaxDepth)
        : this(new NamerSet(namers), transformers, maxDepth)
    {
    }

    public NamerSet Namers => namers;

    /// <summary>The transformers applied to every bound name, in order.</summary>
    public IReadOnlyList<INameTransformer> Transformers => transformers;

    public async ValueTask<DelegationTree> DelegateAsync(Dtab dtab, NamePath path, CancellationToken cancellationToken = default)
    {
        var tree = await DelegatePathAsync(dtab, path, null, 0, cancellationToken).ConfigureAwait(false);
        return await TransformAsync(tree, 0, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<DelegationTree> DelegatePathAsync(Dtab dtab, NamePath path, Dentry? dentry, int depth, CancellationToken cancellationToken)
    {
        if (depth > maxDepth)
        {
            return new DelegationTree.Exception(path, dentry, $"Max recursion level ({maxDepth}) reached while delegating {path}; the dtab loops");
        }

        if (NamerSet.IsBindable(path))
        {
            try
            {
                var bound = await namers.BindAsync(path, cancellationToken).ConfigureAwait(false);
                return FromBoundTree(bound, path, dentry);
            }
            catch (NameBindingException e)
            {
                return new DelegationTree.Exception(path, dentry, e.Message);
            }
        }

        var branches = ImmutableArray.CreateBuilder<DelegationTree>();
        for (var i = dtab.Entries.Length - 1; i >= 0; i--)
        {
            var entry = dtab.Entries[i];
            if (!entry.Prefix.Matches(path))
            {
                continue;
            }

            var rest = path.Drop(entry.Prefix.Count);
            var destination = entry.Destination.Map(p => p.Concat(rest));
            var branch = await DelegateNameTreeAsync(dtab, destination, path, entry, depth + 1, cancellationToken).ConfigureAwait(false);
            branches.Add(branch);
        }

        return branches.Count switch
        {
            0 => new DelegationTree.Neg(path, dentry),
            1 => new DelegationTree.Delegate(path, dentry, branches[0]),
            _ => new DelegationTree.Delegate(path, dentry, new DelegationTree.Alt(path, null, branches.ToImmutable())),
        };
    }

    private async ValueTask<DelegationTree> DelegateNameTreeAsync(
        Dtab dtab, NameTree<NamePath> tree, NamePath source, Dentry entry, int depth, CancellationToken cancellationToken)
    {
        switch (tree)
        {
            case NameTree<NamePath>.Leaf leaf:
                return await DelegatePathAsync(dtab, leaf.Value, entry, depth, cancellationToken).ConfigureAwait(false);
            case NameTree<NamePath>.Alt alt:
                var alternatives = ImmutableArray.CreateBuilder<DelegationTree>(alt.Trees.Length);
                foreach (var branch in alt.Trees)
                {
                    alternatives.Add(await DelegateNameTreeAsync(dtab, branch, source, entry, depth, cancellationToken).ConfigureAwait(false));
                }

                return new DelegationTree.Alt(source, entry, alternatives.MoveToImmutable());
            case NameTree<NamePath>.Union union:
                var parts = ImmutableArray.CreateBuilder<DelegationTree.WeightedTree>(union.Trees.Length);
                foreach (var branch in union.Trees)
                {
                    var delegated = await DelegateNameTreeAsync(dtab, branch.Tree, source, entry, depth, cancellationToken).ConfigureAwait(false);
                    parts.Add(new DelegationTree.WeightedTree(branch.Weight, delegated));
                }

                return new DelegationTree.Union(source, entry, parts.MoveToImmutable());
            // A literal ~ or ! has no path of its own (Finagle's DelegateTree shows the empty path).
            case NameTree<NamePath>.Fail:
                return new DelegationTree.Fail(NamePath.Empty, entry);
            case NameTree<NamePath>.Empty:
                return new DelegationTree.Empty(source, entry);
            default:
                return new DelegationTree.Neg(NamePath.Empty, entry);
        }
    }

    private static DelegationTree FromBoundTree(NameTree<BoundName> tree, NamePath path, Dentry? dentry) => tree switch
    {
        NameTree<BoundName>.Leaf leaf => new DelegationTree.Leaf(path, dentry, leaf.Value),
        NameTree<BoundName>.Alt alt => new DelegationTree.Alt(path, dentry, alt.Trees.Select(t => FromBoundTree(t, path, dentry)).ToImmutableArray()),
        NameTree<BoundName>.Union union => new DelegationTree.Union(
            path, dentry, union.Trees.Select(w => new DelegationTree.WeightedTree(w.Weight, FromBoundTree(w.Tree, path, dentry))).ToImmutableArray()),
        NameTree<BoundName>.Fail => new DelegationTree.Fail(path, dentry),
        NameTree<BoundName>.Empty => new DelegationTree.Empty(path, dentry),
        _ => new DelegationTree.Neg(path, dentry),
    };

    /// <summary>Applies transformer <paramref name="index"/> (and, through recursion, the ones after it) to every leaf.</summary>
    private async ValueTask<DelegationTree> TransformAsync(DelegationTree tree, int index, CancellationToken cancellationToken)
    {
        if (index >= transformers.Count)
        {
            return tree;
        }

        if (transformers[index] is IWholeTreeTransformer whole)
        {
            return await ReplaceWholeTreeAsync(tree, whole, index, cancellationToken).ConfigureAwait(false);
        }

        switch (tree)
        {
            case DelegationTree.Leaf leaf:
                var transformer = transformers[index];
                DelegationTree result;
                try
                {
                    var transformed = await transformer.TransformAsync(leaf.Bound, cancellationToken).ConfigureAwait(false);
                    result = FromBoundTree(transformed, leaf.Path, leaf.Dentry);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    result = new DelegationTree.Exception(leaf.Path, leaf.Dentry, $"transformer {transformer.Kind} failed on {leaf.Bound.Id}: {e.Message}");
                }

                result = await TransformAsync(result, index + 1, cancellationToken).ConfigureAwait(false);
                return new DelegationTree.Transformation(leaf.Path, leaf.Dentry, transformer.Kind, leaf.Bound, result);
            case DelegationTree.Delegate d:
                return d with { Tree = await TransformAsync(d.Tree, index, cancellationToken).ConfigureAwait(false) };
            case DelegationTree.Alt alt:
                var alternatives = ImmutableArray.CreateBuilder<DelegationTree>(alt.Trees.Length);
                foreach (var branch in alt.Trees)
                {
                    alternatives.Add(await TransformAsync(branch, index, cancellationToken).ConfigureAwait(false));
                }

                return alt with { Trees = alternatives.MoveToImmutable() };
            case DelegationTree.Union union:
                var parts = ImmutableArray.CreateBuilder<DelegationTree.WeightedTree>(union.Trees.Length);
                foreach (var branch in union.Trees)
                {
                    parts.Add(branch with { Tree = await TransformAsync(branch.Tree, index, cancellationToken).ConfigureAwait(false) });
                }

                return union with { Trees = parts.MoveToImmutable() };
            default:
                return tree;
        }
    }

    private async ValueTask<DelegationTree> ReplaceWholeTreeAsync(DelegationTree tree, IWholeTreeTransformer transformer, int index, CancellationToken cancellationToken)
    {
        DelegationTree result;
        try
        {
            var replacement = await transformer.ReplaceAsync(cancellationToken).ConfigureAwait(false);
            result = FromBoundTree(replacement, tree.Path, tree.Dentry);
        }
        catch (NameBindingException e)
        {
            result = new DelegationTree.Exception(tree.Path, tree.Dentry, $"transformer {transformer.Kind} failed: {e.Message}");
        }

        result = await TransformAsync(result, index + 1, cancellationToken).ConfigureAwait(false);
        return new DelegationTree.Transformation(tree.Path, tree.Dentry, transformer.Kind, null, result);
    }
}

namespace Tracery.Mesh.Naming.Delegation;

/// <summary>
/// Reduces a delegation tree to what the router needs, with Finagle's rules: an alternation takes its first branch
/// that is not negative, a failure stops fallback, a union drops negative branches and multiplies nested weights.
/// </summary>
public static class DelegationEvaluator
{
    public static NameResolution Evaluate(DelegationTree tree)
    {
        var result = EvaluateNode(tree);
        return result is NameResolution.Negative negative && !negative.Detail.StartsWith(tree.Path.ToString(), StringComparison.Ordinal)
            ? new NameResolution.Negative($"{tree.Path} does not resolve: {negative.Detail}")
            : result;
    }

    private static NameResolution EvaluateNode(DelegationTree tree) => tree switch
    {
        DelegationTree.Delegate d => EvaluateNode(d.Tree),
        DelegationTree.Transformation t => EvaluateNode(t.Tree),
        DelegationTree.Leaf leaf => new NameResolution.Bound([new WeightedName(leaf.Bound, 1.0)]),
        DelegationTree.Empty => new NameResolution.Bound([]),
        DelegationTree.Fail f => new NameResolution.Failed(f.Dentry is { } d ? $"dtab entry {d} fails the request" : $"{f.Path} fails the request"),
        DelegationTree.Exception e => new NameResolution.Failed(e.Message),
        DelegationTree.Alt alt => EvaluateAlt(alt),
        DelegationTree.Union union => EvaluateUnion(union),
        _ => new NameResolution.Negative($"{tree.Path} is not bound by any dtab entry or namer"),
    };

    private static NameResolution EvaluateAlt(DelegationTree.Alt alt)
    {
        foreach (var branch in alt.Trees)
        {
            var result = EvaluateNode(branch);
            if (result is not NameResolution.Negative)
            {
                return result;
            }
        }

        return new NameResolution.Negative($"no alternative for {alt.Path} is bound");
    }

    private static NameResolution EvaluateUnion(DelegationTree.Union union)
    {
        var names = new List<WeightedName>();
        var anyBound = false;
        foreach (var branch in union.Trees)
        {
            switch (EvaluateNode(branch.Tree))
            {
                case NameResolution.Failed failed:
                    return failed;
                case NameResolution.Bound bound:
                    anyBound = true;
                    names.AddRange(bound.Names.Select(n => n with { Weight = n.Weight * branch.Weight }));
                    break;
            }
        }

        if (!anyBound)
        {
            return new NameResolution.Negative($"no branch of the union for {union.Path} is bound");
        }

        // The same client reached through two branches is one client carrying both shares.
        var merged = names.GroupBy(n => n.Name.Id, StringComparer.Ordinal)
            .Select(g => new WeightedName(g.First().Name, g.Sum(n => n.Weight)))
            .ToList();
        return new NameResolution.Bound(merged);
    }
}

namespace Tracery.Mesh.Naming.Delegation;

using System.Collections.Immutable;

/// <summary>
/// Every step of resolving a path through a dtab, as Linkerd's <c>DelegateTree</c>: each node names the path it is
/// about and the dtab entry (<see cref="Dentry"/>) that produced it, <see langword="null"/> for the starting path.
/// Serialise with <see cref="DelegationJson.Write"/>; evaluate with <see cref="DelegationEvaluator.Evaluate"/>.
/// </summary>
public abstract record DelegationTree(NamePath Path, Dentry? Dentry)
{
    /// <summary><see cref="Path"/> was rewritten by a dtab entry into <paramref name="Tree"/>.</summary>
    public sealed record Delegate(NamePath Path, Dentry? Dentry, DelegationTree Tree) : DelegationTree(Path, Dentry);

    /// <summary>Alternatives tried in order: from <c>|</c>, or several dtab entries matching (the later one first).</summary>
    public sealed record Alt(NamePath Path, Dentry? Dentry, ImmutableArray<DelegationTree> Trees) : DelegationTree(Path, Dentry);

    /// <summary>A weighted split (<c>&amp;</c>).</summary>
    public sealed record Union(NamePath Path, Dentry? Dentry, ImmutableArray<WeightedTree> Trees) : DelegationTree(Path, Dentry);

    /// <summary>A namer bound the path.</summary>
    public sealed record Leaf(NamePath Path, Dentry? Dentry, BoundName Bound) : DelegationTree(Path, Dentry);

    /// <summary>A transformer rewrote <paramref name="Bound"/> (null: the whole resolution) into <paramref name="Tree"/>.</summary>
    public sealed record Transformation(NamePath Path, Dentry? Dentry, string Kind, BoundName? Bound, DelegationTree Tree)
        : DelegationTree(Path, Dentry);

    /// <summary>No entry or namer knows the path (<c>~</c>, or nothing matched).</summary>
    public sealed record Neg(NamePath Path, Dentry? Dentry) : DelegationTree(Path, Dentry);

    /// <summary><c>!</c> or <c>/$/fail</c>: resolution fails and stops falling back.</summary>
    public sealed record Fail(NamePath Path, Dentry? Dentry) : DelegationTree(Path, Dentry);

    /// <summary><c>$</c> or <c>/$/nil</c>: a name with no endpoints.</summary>
    public sealed record Empty(NamePath Path, Dentry? Dentry) : DelegationTree(Path, Dentry);

    /// <summary>Resolution broke, for example at the recursion limit or on an unknown system namer.</summary>
    public sealed record Exception(NamePath Path, Dentry? Dentry, string Message) : DelegationTree(Path, Dentry);

    public sealed record WeightedTree(double Weight, DelegationTree Tree);
}

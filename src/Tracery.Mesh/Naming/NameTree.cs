namespace Tracery.Mesh.Naming;

using System.Collections.Immutable;
using System.Globalization;

/// <summary>
/// Finagle's name tree: what a dtab entry rewrites to (<typeparamref name="T"/> = <see cref="NamePath"/>) and what
/// binding produces (<typeparamref name="T"/> = <see cref="BoundName"/>).
/// </summary>
public abstract record NameTree<T>
{
    private protected NameTree() { }

    /// <summary>A single name.</summary>
    public sealed record Leaf(T Value) : NameTree<T>;

    /// <summary><c>a | b</c>: the first branch that is not negative.</summary>
    public sealed record Alt(ImmutableArray<NameTree<T>> Trees) : NameTree<T>;

    /// <summary><c>0.7 * a &amp; 0.3 * b</c>: traffic split between branches by weight.</summary>
    public sealed record Union(ImmutableArray<Weighted> Trees) : NameTree<T>;

    /// <summary><c>~</c>: no such name here; alternation falls through to the next branch.</summary>
    public sealed record Neg : NameTree<T>;

    /// <summary><c>!</c>: fail the request; stops fallback.</summary>
    public sealed record Fail : NameTree<T>;

    /// <summary><c>$</c>: a name with no endpoints.</summary>
    public sealed record Empty : NameTree<T>;

    public sealed record Weighted(double Weight, NameTree<T> Tree);

    public static readonly NameTree<T> NegInstance = new Neg();
    public static readonly NameTree<T> FailInstance = new Fail();
    public static readonly NameTree<T> EmptyInstance = new Empty();

    /// <summary>Maps every leaf, keeping the shape.</summary>
    public NameTree<TOut> Map<TOut>(Func<T, TOut> map) => this switch
    {
        Leaf leaf => new NameTree<TOut>.Leaf(map(leaf.Value)),
        Alt alt => new NameTree<TOut>.Alt(alt.Trees.Select(t => t.Map(map)).ToImmutableArray()),
        Union union => new NameTree<TOut>.Union(
            union.Trees.Select(w => new NameTree<TOut>.Weighted(w.Weight, w.Tree.Map(map))).ToImmutableArray()),
        Neg => NameTree<TOut>.NegInstance,
        Fail => NameTree<TOut>.FailInstance,
        _ => NameTree<TOut>.EmptyInstance,
    };

    /// <summary>Finagle's show syntax, which <see cref="Dtab.Parse"/> reads back.</summary>
    public sealed override string ToString() => this switch
    {
        Alt alt => string.Join(" | ", alt.Trees.Select(t => t is Alt ? $"({t})" : t.ToString())),
        Union union => string.Join(" & ", union.Trees.Select(ShowWeighted)),
        _ => ShowSimple(this),
    };

    private static string ShowWeighted(Weighted weighted)
    {
        var tree = ShowSimple(weighted.Tree);
        return weighted.Weight == 1.0 ? tree : $"{weighted.Weight.ToString(CultureInfo.InvariantCulture)}*{tree}";
    }

    private static string ShowSimple(NameTree<T> tree) => tree switch
    {
        Leaf leaf => leaf.Value?.ToString() ?? string.Empty,
        Neg => "~",
        Fail => "!",
        Empty => "$",
        _ => $"({tree})",
    };
}

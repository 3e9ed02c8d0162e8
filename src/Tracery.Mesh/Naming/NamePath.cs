namespace Tracery.Mesh.Naming;

using System.Collections.Immutable;

/// <summary>A hierarchical name such as <c>/svc/hello</c> (Finagle's <c>Path</c>).</summary>
public sealed record NamePath(ImmutableArray<string> Segments)
{
    public static readonly NamePath Empty = new(ImmutableArray<string>.Empty);

    /// <summary>Parses <c>/a/b/c</c>; throws <see cref="FormatException"/> on text that is not a path.</summary>
    public static NamePath Parse(string text) => throw new NotImplementedException("naming pending");

    public NamePath Concat(NamePath suffix) => new(Segments.AddRange(suffix.Segments));

    public override string ToString() => Segments.IsEmpty ? "/" : "/" + string.Join('/', Segments);

    public bool Equals(NamePath? other) => other is not null && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => Segments.Aggregate(17, (h, s) => HashCode.Combine(h, s));
}

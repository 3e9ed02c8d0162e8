namespace Tracery.Mesh.Naming;

using System.Collections.Immutable;

/// <summary>The left side of a dtab entry: a path whose <c>*</c> segments match any one segment.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Config.Json.TextJsonConverter<DentryPrefix>))]
public sealed record DentryPrefix(ImmutableArray<string?> Elements)
{
    /// <summary>The wildcard element is stored as <see langword="null"/>, so a literal segment "*" cannot be confused with it.</summary>
    public const string? Wildcard = null;

    public int Count => Elements.Length;

    public static DentryPrefix Parse(string text) => DtabParser.ParsePrefix(text);

    public static DentryPrefix Of(NamePath path) => new(path.Segments.Select(s => (string?)s).ToImmutableArray());

    public bool Matches(NamePath path)
    {
        if (path.Count < Count)
        {
            return false;
        }

        for (var i = 0; i < Count; i++)
        {
            if (Elements[i] is { } label && label != path.Segments[i])
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() =>
        Elements.IsEmpty ? "/" : string.Concat(Elements.Select(e => "/" + (e is null ? "*" : NamePath.Of(e).ToString()[1..])));

    public bool Equals(DentryPrefix? other) => other is not null && Elements.SequenceEqual(other.Elements);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}

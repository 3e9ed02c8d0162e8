namespace Tracery.Mesh.Naming;

using System.Collections.Immutable;

/// <summary>A delegation table: entries <c>prefix => tree</c>, later entries tried first.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Config.Json.TextJsonConverter<Dtab>))]
public sealed record Dtab
{
    public static readonly Dtab Empty = new();

    public Dtab() : this(ImmutableArray<Dentry>.Empty) { }

    public Dtab(ImmutableArray<Dentry> entries) => Entries = entries;

    public ImmutableArray<Dentry> Entries { get; }

    public bool IsEmpty => Entries.IsEmpty;

    /// <summary>Parses dtab text; throws <see cref="DtabParseException"/> pointing at the offending text.</summary>
    public static Dtab Parse(string text) => DtabParser.ParseDtab(text);

    /// <summary>This dtab followed by <paramref name="other"/>, whose entries therefore take precedence.</summary>
    public Dtab Concat(Dtab other) => other.IsEmpty ? this : IsEmpty ? other : new(Entries.AddRange(other.Entries));

    public Dtab Append(Dentry entry) => new(Entries.Add(entry));

    /// <summary>Finagle's show form, <c>/a=>/b;/c=>/d</c>, the format of the <c>l5d-ctx-dtab</c> header.</summary>
    public override string ToString()
    {
        if (_shown is { } shown && shown.IsFor(Entries))
        {
            return shown.Text;
        }

        _shown = new ShownText<Dentry>(Entries, string.Join(';', Entries));
        return _shown.Text;
    }

    private ShownText<Dentry>? _shown;

    public bool Equals(Dtab? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}

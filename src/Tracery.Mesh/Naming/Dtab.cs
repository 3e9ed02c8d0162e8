namespace Tracery.Mesh.Naming;

/// <summary>A delegation table: entries <c>prefix => tree</c>, later entries tried first.</summary>
public sealed record Dtab
{
    public static readonly Dtab Empty = new();

    /// <summary>Parses dtab text; throws <see cref="DtabParseException"/> pointing at the offending text.</summary>
    public static Dtab Parse(string text) => throw new NotImplementedException("naming pending");

    public override string ToString() => throw new NotImplementedException("naming pending");
}

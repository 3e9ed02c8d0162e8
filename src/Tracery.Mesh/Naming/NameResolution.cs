namespace Tracery.Mesh.Naming;

/// <summary>The result of resolving a destination path through a dtab.</summary>
public abstract record NameResolution
{
    private NameResolution() { }

    /// <summary>Bound to one or more names; with a weighted union (<c>&amp;</c>) there are several, each with its weight.</summary>
    public sealed record Bound(IReadOnlyList<WeightedName> Names) : NameResolution;

    /// <summary>No dtab entry or namer knows the name (Linkerd answers 502 "No hosts are available").</summary>
    public sealed record Negative(string Detail) : NameResolution;

    /// <summary>Resolution failed, for example the recursion limit was hit.</summary>
    public sealed record Failed(string Reason) : NameResolution;
}

public sealed record WeightedName(BoundName Name, double Weight);

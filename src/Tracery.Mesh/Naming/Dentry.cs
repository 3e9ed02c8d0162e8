namespace Tracery.Mesh.Naming;

/// <summary>One dtab entry, <c>prefix =&gt; tree</c>: a path starting with the prefix is rewritten to the tree plus the rest of the path.</summary>
public sealed record Dentry(DentryPrefix Prefix, NameTree<NamePath> Destination)
{
    public static Dentry Parse(string text) => DtabParser.ParseDentry(text);

    public override string ToString() => $"{Prefix}=>{Destination}";

    public bool Equals(Dentry? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}

namespace Tracery.Mesh.Config.Kinds;

using Tracery.Mesh.Naming;

/// <summary><c>io.l5d.fs</c>: one file per service under <see cref="RootDir"/>, lines <c>host port [* weight]</c>.</summary>
public sealed record FsNamerConfig(NamePath Prefix, bool Experimental, string RootDir) : NamerConfig(KindName, Prefix, Experimental)
{
    public const string KindName = "io.l5d.fs";

    public static FsNamerConfig Read(ConfigSection section)
    {
        var (prefix, experimental) = ReadCommon(section, KindName);
        return new(prefix, experimental, section.RequireString("rootDir"));
    }
}

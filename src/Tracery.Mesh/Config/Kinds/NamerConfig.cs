namespace Tracery.Mesh.Config.Kinds;

using Tracery.Mesh.Naming;

/// <summary>A <c>namers:</c> entry. <see cref="Prefix"/> is where dtabs reach it: <c>/#/&lt;prefix&gt;</c> (default: the kind).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.RuntimeTypeJsonConverter<NamerConfig>))]
public abstract record NamerConfig(string Kind, NamePath Prefix, bool Experimental)
{
    /// <summary>Reads the keys every namer has; a kind's reader calls this first.</summary>
    public static (NamePath Prefix, bool Experimental) ReadCommon(ConfigSection section, string kind) =>
        (section.NamePath("prefix") ?? NamePath.Of(kind), section.Bool("experimental") ?? false);
}

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

/// <summary><c>io.l5d.k8s</c>: Kubernetes endpoints through the API at <see cref="Host"/>:<see cref="Port"/> (runtime in the Kubernetes issue).</summary>
public sealed record K8sNamerConfig(NamePath Prefix, bool Experimental, string Host, int Port, string? LabelSelector)
    : NamerConfig(KindName, Prefix, Experimental)
{
    public const string KindName = "io.l5d.k8s";

    public static K8sNamerConfig Read(ConfigSection section)
    {
        var (prefix, experimental) = ReadCommon(section, KindName);
        return new(prefix, experimental, section.String("host") ?? "localhost", section.Port("port") ?? 8001, section.String("labelSelector"));
    }
}

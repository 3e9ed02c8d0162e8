namespace Tracery.Mesh.Config.Kinds;

using Tracery.Mesh.Naming;

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

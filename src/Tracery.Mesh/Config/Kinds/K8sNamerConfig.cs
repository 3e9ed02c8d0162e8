namespace Tracery.Mesh.Config.Kinds;

using Tracery.Mesh.Naming;

/// <summary><c>io.l5d.k8s</c>: Kubernetes endpoints through the API at <see cref="Host"/>:<see cref="Port"/> (default: the <c>kubectl proxy</c> sidecar at localhost:8001).</summary>
public sealed record K8sNamerConfig(NamePath Prefix, bool Experimental, string Host, int Port, string? LabelSelector)
    : NamerConfig(KindName, Prefix, Experimental)
{
    public const string KindName = "io.l5d.k8s";

    /// <summary>Neither <c>host</c> nor <c>port</c> was written: in a pod, the namer may use its service account instead.</summary>
    public bool ApiDefaulted { get; init; }

    public static K8sNamerConfig Read(ConfigSection section)
    {
        var (prefix, experimental) = ReadCommon(section, KindName);
        var (host, port) = (section.String("host"), section.Port("port"));
        return new(prefix, experimental, host ?? "localhost", port ?? 8001, section.String("labelSelector")) { ApiDefaulted = host is null && port is null };
    }
}

namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.k8s.daemonset</c>: send to the mesh pod of <see cref="Service"/> on the destination's node.</summary>
public sealed record K8sDaemonSetTransformerConfig(string Namespace, string Service, string Port, string K8sHost, int K8sPort, bool HostNetwork)
    : TransformerConfig("io.l5d.k8s.daemonset")
{
    /// <summary>Neither <c>k8sHost</c> nor <c>k8sPort</c> was written: in a pod, the transformer may use its service account instead.</summary>
    public bool K8sApiDefaulted { get; init; }

    public static K8sDaemonSetTransformerConfig Read(ConfigSection section)
    {
        var (host, port) = (section.String("k8sHost"), section.Port("k8sPort"));
        return new(
            section.RequireString("namespace"),
            section.RequireString("service"),
            section.RequireString("port"),
            host ?? "localhost",
            port ?? 8001,
            section.Bool("hostNetwork") ?? false)
        { K8sApiDefaulted = host is null && port is null };
    }
}

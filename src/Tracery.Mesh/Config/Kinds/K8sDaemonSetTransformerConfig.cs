namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.k8s.daemonset</c>: send to the mesh pod of <see cref="Service"/> on the destination's node (runtime in the Kubernetes issue).</summary>
public sealed record K8sDaemonSetTransformerConfig(string Namespace, string Service, string Port, string K8sHost, int K8sPort, bool HostNetwork)
    : TransformerConfig("io.l5d.k8s.daemonset")
{
    public static K8sDaemonSetTransformerConfig Read(ConfigSection section) => new(
        section.RequireString("namespace"),
        section.RequireString("service"),
        section.RequireString("port"),
        section.String("k8sHost") ?? "localhost",
        section.Port("k8sPort") ?? 8001,
        section.Bool("hostNetwork") ?? false);
}

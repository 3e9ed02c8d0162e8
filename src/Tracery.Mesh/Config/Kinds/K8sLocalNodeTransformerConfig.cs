namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.k8s.localnode</c>: keep only endpoints on this node (needs <c>POD_IP</c>, or <c>NODE_NAME</c> with host networking).</summary>
public sealed record K8sLocalNodeTransformerConfig(bool HostNetwork) : TransformerConfig("io.l5d.k8s.localnode")
{
    public static K8sLocalNodeTransformerConfig Read(ConfigSection section) => new(section.Bool("hostNetwork") ?? false);
}

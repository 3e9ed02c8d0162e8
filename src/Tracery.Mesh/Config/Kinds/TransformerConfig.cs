namespace Tracery.Mesh.Config.Kinds;

using Tracery.Mesh.Naming;

/// <summary>An <c>interpreter.transformers</c> entry. Bound ids it produces start with <c>/%</c> + its prefix.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.RuntimeTypeJsonConverter<TransformerConfig>))]
public abstract record TransformerConfig(string Kind);

/// <summary><c>io.l5d.port</c>: every address gets <see cref="Port"/>.</summary>
public sealed record PortTransformerConfig(int Port) : TransformerConfig("io.l5d.port")
{
    public static PortTransformerConfig Read(ConfigSection section) =>
        new(section.Int("port", 1, 65535) ?? throw section.Missing("port"));
}

/// <summary><c>io.l5d.localhost</c>: keep only addresses on this host's interfaces.</summary>
public sealed record LocalhostTransformerConfig() : TransformerConfig("io.l5d.localhost");

/// <summary><c>io.l5d.specificHost</c>: keep only addresses equal to <see cref="Host"/>.</summary>
public sealed record SpecificHostTransformerConfig(string Host) : TransformerConfig("io.l5d.specificHost")
{
    public static SpecificHostTransformerConfig Read(ConfigSection section) => new(section.RequireString("host"));
}

/// <summary><c>io.l5d.replace</c>: every bound name becomes <see cref="Path"/> (negative stays negative).</summary>
public sealed record ReplaceTransformerConfig(NamePath Path) : TransformerConfig("io.l5d.replace")
{
    public static ReplaceTransformerConfig Read(ConfigSection section) => new(section.NamePath("path") ?? throw section.Missing("path"));
}

/// <summary><c>io.l5d.const</c>: every resolution becomes <see cref="Path"/>, whatever the dtab said.</summary>
public sealed record ConstTransformerConfig(NamePath Path) : TransformerConfig("io.l5d.const")
{
    public static ConstTransformerConfig Read(ConfigSection section) => new(section.NamePath("path") ?? throw section.Missing("path"));
}

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

/// <summary><c>io.l5d.k8s.localnode</c>: keep only endpoints on this node (needs <c>POD_IP</c>, or <c>NODE_NAME</c> with host networking).</summary>
public sealed record K8sLocalNodeTransformerConfig(bool HostNetwork) : TransformerConfig("io.l5d.k8s.localnode")
{
    public static K8sLocalNodeTransformerConfig Read(ConfigSection section) => new(section.Bool("hostNetwork") ?? false);
}

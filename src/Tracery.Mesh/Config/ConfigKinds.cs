namespace Tracery.Mesh.Config;

using Tracery.Mesh.Config.Kinds;

/// <summary>
/// The kinds a config may name, by list. <see cref="CreateDefault"/> holds every built-in kind; the Kubernetes
/// kinds parse here already so the tutorial's config loads, and their runtime registers elsewhere.
/// </summary>
public sealed class ConfigKinds
{
    public KindRegistry<NamerConfig> Namers { get; } = new("namer");

    public KindRegistry<TransformerConfig> Transformers { get; } = new("transformer");

    public KindRegistry<IdentifierConfig> Identifiers { get; } = new("identifier");

    public KindRegistry<TelemeterConfig> Telemeters { get; } = new("telemeter");

    public static ConfigKinds CreateDefault()
    {
        var kinds = new ConfigKinds();
        kinds.Namers
            .Register(FsNamerConfig.KindName, FsNamerConfig.Read)
            .Register(K8sNamerConfig.KindName, K8sNamerConfig.Read);
        kinds.Transformers
            .Register("io.l5d.port", PortTransformerConfig.Read)
            .Register("io.l5d.localhost", _ => new LocalhostTransformerConfig())
            .Register("io.l5d.specificHost", SpecificHostTransformerConfig.Read)
            .Register("io.l5d.replace", ReplaceTransformerConfig.Read)
            .Register("io.l5d.const", ConstTransformerConfig.Read)
            .Register("io.l5d.k8s.daemonset", K8sDaemonSetTransformerConfig.Read)
            .Register("io.l5d.k8s.localnode", K8sLocalNodeTransformerConfig.Read);
        kinds.Identifiers
            .Register("io.l5d.header.token", HeaderTokenIdentifierConfig.Read)
            .Register("io.l5d.methodAndHost", MethodAndHostIdentifierConfig.Read)
            .Register("io.l5d.path", PathIdentifierConfig.Read)
            .Register("io.l5d.header", HeaderPathIdentifierConfig.Read)
            .Register("io.l5d.static", StaticIdentifierConfig.Read);
        kinds.Telemeters
            .Register("io.l5d.zipkin", ZipkinScribeTelemeterConfig.Read)
            .Register("io.zipkin.http", ZipkinHttpTelemeterConfig.Read)
            .Register("io.l5d.prometheus", PrometheusTelemeterConfig.Read)
            .Register("io.l5d.recentRequests", RecentRequestsTelemeterConfig.Read);
        return kinds;
    }
}

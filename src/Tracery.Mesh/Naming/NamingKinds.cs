namespace Tracery.Mesh.Naming;

using Microsoft.Extensions.Logging;
using Tracery.Mesh.Config.Kinds;
using Tracery.Mesh.Naming.Namers;
using Tracery.Mesh.Naming.Transformers;

/// <summary>
/// How each namer and transformer config becomes its runtime, by config type. The Kubernetes kinds parse already
/// (see <see cref="Config.ConfigKinds"/>) and register their runtime here when they exist.
/// </summary>
public sealed class NamingKinds
{
    private readonly Dictionary<Type, Func<NamerConfig, NamingContext, INamer>> namers = [];
    private readonly Dictionary<Type, Func<TransformerConfig, NamingContext, INameTransformer>> transformers = [];

    public NamingKinds RegisterNamer<T>(Func<T, NamingContext, INamer> create)
        where T : NamerConfig
    {
        namers[typeof(T)] = (config, context) => create((T)config, context);
        return this;
    }

    public NamingKinds RegisterTransformer<T>(Func<T, NamingContext, INameTransformer> create)
        where T : TransformerConfig
    {
        transformers[typeof(T)] = (config, context) => create((T)config, context);
        return this;
    }

    public static NamingKinds CreateDefault() => new NamingKinds()
        .RegisterNamer<FsNamerConfig>((c, context) => new FsNamer(c.Prefix, c.RootDir, context.TimeProvider, context.LoggerFactory.CreateLogger<FsNamer>()))
        .RegisterNamer<K8sNamerConfig>((c, context) => new K8sNamer(c.Prefix, c.Host, c.Port, context.TimeProvider, context.LoggerFactory.CreateLogger<K8sNamer>()))
        .RegisterTransformer<PortTransformerConfig>((c, _) => new PortTransformer(c.Port))
        .RegisterTransformer<LocalhostTransformerConfig>((_, _) => new LocalhostTransformer())
        .RegisterTransformer<SpecificHostTransformerConfig>((c, _) => new SpecificHostTransformer(c.Host))
        .RegisterTransformer<ReplaceTransformerConfig>((c, context) => new ReplaceTransformer(c.Path, context.Namers))
        .RegisterTransformer<ConstTransformerConfig>((c, context) => new ConstTransformer(c.Path, context.Namers))
        .RegisterTransformer<K8sDaemonSetTransformerConfig>((c, context) => c.HostNetwork
            ? throw new NotSupportedException("io.l5d.k8s.daemonset hostNetwork: true matches mesh pods by node name, which is not in this build")
            : new K8sDaemonSetTransformer(c.Namespace, c.Port, c.Service,
                new K8sNamer(NamePath.Of("io.l5d.k8s"), c.K8sHost, c.K8sPort, context.TimeProvider, context.LoggerFactory.CreateLogger<K8sNamer>())))
        .RegisterTransformer<K8sLocalNodeTransformerConfig>((c, _) => K8sLocalNodeTransformer.FromEnvironment(c.HostNetwork, Environment.GetEnvironmentVariable));

    internal INamer CreateNamer(NamerConfig config, NamingContext context) =>
        namers.TryGetValue(config.GetType(), out var create)
            ? create(config, context)
            : throw new NotSupportedException($"namer kind {config.Kind} is read from the config but has no runtime in this build");

    internal INameTransformer CreateTransformer(TransformerConfig config, NamingContext context) =>
        transformers.TryGetValue(config.GetType(), out var create)
            ? create(config, context)
            : throw new NotSupportedException($"transformer kind {config.Kind} is read from the config but has no runtime in this build");
}

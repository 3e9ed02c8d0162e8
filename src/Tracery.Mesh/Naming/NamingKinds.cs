namespace Tracery.Mesh.Naming;

using Microsoft.Extensions.Logging;
using Tracery.Mesh.Config.Kinds;
using Tracery.Mesh.Naming.Namers;
using Tracery.Mesh.Naming.Transformers;

/// <summary>
/// How each namer and transformer config becomes its runtime, by config type.
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

    /// <summary>Every kind with a runtime; <paramref name="pod"/> is where the Kubernetes kinds read their pod's environment.</summary>
    public static NamingKinds CreateDefault(K8sPodEnvironment? pod = null)
    {
        pod ??= K8sPodEnvironment.Default;
        return new NamingKinds()
            .RegisterNamer<FsNamerConfig>((c, context) => new FsNamer(c.Prefix, c.RootDir, context.TimeProvider, context.LoggerFactory.CreateLogger<FsNamer>()))
            .RegisterNamer<K8sNamerConfig>((c, context) => new K8sNamer(
                c.Prefix, K8sApiEndpoint.Choose(c.Host, c.Port, c.ApiDefaulted, pod), context.TimeProvider, context.LoggerFactory.CreateLogger<K8sNamer>()))
            .RegisterTransformer<PortTransformerConfig>((c, _) => new PortTransformer(c.Port))
            .RegisterTransformer<LocalhostTransformerConfig>((_, _) => new LocalhostTransformer())
            .RegisterTransformer<SpecificHostTransformerConfig>((c, _) => new SpecificHostTransformer(c.Host))
            .RegisterTransformer<ReplaceTransformerConfig>((c, context) => new ReplaceTransformer(c.Path, context.Namers))
            .RegisterTransformer<ConstTransformerConfig>((c, context) => new ConstTransformer(c.Path, context.Namers))
            .RegisterTransformer<K8sDaemonSetTransformerConfig>((c, context) => K8sDaemonSet(c, context, pod))
            .RegisterTransformer<K8sLocalNodeTransformerConfig>((c, context) => K8sLocalNodeTransformer.FromEnvironment(c.HostNetwork, pod.Variables, ip => NodeOf(context, ip)));
    }

    internal INamer CreateNamer(NamerConfig config, NamingContext context) =>
        namers.TryGetValue(config.GetType(), out var create)
            ? create(config, context)
            : throw new NotSupportedException($"namer kind {config.Kind} is read from the config but has no runtime in this build");

    /// <summary>The daemonset transformer reads the mesh Service through its own connection (<c>k8sHost</c>/<c>k8sPort</c>), as Linkerd's.</summary>
    private static K8sDaemonSetTransformer K8sDaemonSet(K8sDaemonSetTransformerConfig c, NamingContext context, K8sPodEnvironment pod)
    {
        var endpoint = K8sApiEndpoint.Choose(c.K8sHost, c.K8sPort, c.K8sApiDefaulted, pod);
        var meshes = new K8sNamer(NamePath.Of("io.l5d.k8s"), endpoint, context.TimeProvider, context.LoggerFactory.CreateLogger<K8sNamer>());
        return new K8sDaemonSetTransformer(c.Namespace, c.Port, c.Service, meshes, c.HostNetwork ? ip => NodeOf(context, ip) ?? meshes.NodeOf(ip) : null);
    }

    /// <summary>An endpoint's node, from whichever configured k8s namer watches it (hostNetwork matching needs it).</summary>
    private static string? NodeOf(NamingContext context, string ip) =>
        context.Namers.Namers.OfType<K8sNamer>().Select(n => n.NodeOf(ip)).FirstOrDefault(n => n is not null);

    internal INameTransformer CreateTransformer(TransformerConfig config, NamingContext context) =>
        transformers.TryGetValue(config.GetType(), out var create)
            ? create(config, context)
            : throw new NotSupportedException($"transformer kind {config.Kind} is read from the config but has no runtime in this build");
}

namespace Tracery.Mesh.Identifiers;

using Tracery.Mesh.Config.Kinds;
using Tracery.Mesh.Config.Routing;
using Tracery.Mesh.Naming;

/// <summary>How each identifier config becomes its runtime (given the router's <c>dstPrefix</c>), by config type.</summary>
public sealed class IdentifierKinds
{
    private readonly Dictionary<Type, Func<IdentifierConfig, NamePath, IIdentifier>> factories = [];

    public IdentifierKinds Register<T>(Func<T, NamePath, IIdentifier> create)
        where T : IdentifierConfig
    {
        factories[typeof(T)] = (config, prefix) => create((T)config, prefix);
        return this;
    }

    public static IdentifierKinds CreateDefault() => new IdentifierKinds()
        .Register<HeaderTokenIdentifierConfig>((c, p) => new HeaderTokenIdentifier(p, c.Header))
        .Register<MethodAndHostIdentifierConfig>((c, p) => new MethodAndHostIdentifier(p, c.HttpUriInDst))
        .Register<PathIdentifierConfig>((c, p) => new PathIdentifier(p, c.Segments, c.Consume))
        .Register<HeaderPathIdentifierConfig>((c, p) => new HeaderPathIdentifier(p, c.Header))
        .Register<StaticIdentifierConfig>((c, p) => new StaticIdentifier(p, c.Path));

    /// <summary>The router's identifier: its one identifier, or a chain of them tried in order.</summary>
    public IIdentifier Create(RouterConfig router)
    {
        var identifiers = router.Identifiers.Select(config => factories.TryGetValue(config.GetType(), out var create)
                ? create(config, router.DstPrefix)
                : throw new NotSupportedException($"identifier kind {config.Kind} has no runtime in this build"))
            .ToList();
        return identifiers.Count == 1 ? identifiers[0] : new IdentifierChain(identifiers);
    }
}

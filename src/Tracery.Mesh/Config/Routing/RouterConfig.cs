namespace Tracery.Mesh.Config.Routing;

using System.Collections.Immutable;
using Tracery.Mesh.Config.Kinds;
using Tracery.Mesh.Naming;

/// <summary>One <c>routers:</c> entry (HTTP only), with Linkerd's defaults.</summary>
public sealed record RouterConfig(
    string Protocol,
    string Label,
    Dtab Dtab,
    NamePath DstPrefix,
    ImmutableArray<IdentifierConfig> Identifiers,
    InterpreterConfig Interpreter,
    ImmutableArray<ServerConfig> Servers,
    PrefixedParams<ClientParams> Client,
    PrefixedParams<ServiceParams> Service,
    string TracePropagator,
    int BindingTimeoutMs,
    int MaxCallDepth,
    int MaxHeadersKB,
    int MaxInitialLineKB,
    int MaxErrResponseKB,
    bool Originator)
{
    public const int DefaultHttpPort = 4140;
    public const int DefaultMaxCallDepth = 1000;
    public static readonly IReadOnlyList<string> TracePropagators = ["io.l5d.default", "io.l5d.zipkin"];
    public static readonly NamePath DefaultDstPrefix = NamePath.Of("svc");

    public static RouterConfig Read(ConfigSection section, ConfigKinds kinds)
    {
        var protocol = section.RequireString("protocol");
        if (protocol != "http")
        {
            throw section.Invalid("protocol", $"unsupported protocol '{protocol}' (known: http)");
        }

        var identifiers = section.Sections("identifier", singleAllowed: true).Select(i => kinds.Identifiers.Read(i)).ToImmutableArray();
        var maxCallDepth = section.Int("maxCallDepth", 1) ?? DefaultMaxCallDepth;
        if (!section.Has("servers"))
        {
            throw section.Missing("servers");
        }

        var servers = section.Sections("servers").Select(s => ServerConfig.Read(s, DefaultHttpPort, maxCallDepth)).ToImmutableArray();
        if (servers.IsEmpty)
        {
            throw section.Invalid("servers", "a router needs at least one server");
        }

        var propagator = section.KindOf("tracePropagator") is { } p ? ReadPropagator(section, p) : "io.l5d.default";
        var config = new RouterConfig(
            protocol,
            section.String("label") ?? protocol,
            section.Dtab("dtab") ?? Dtab.Empty,
            section.NamePath("dstPrefix") ?? DefaultDstPrefix,
            identifiers.IsEmpty ? [new HeaderTokenIdentifierConfig()] : identifiers,
            InterpreterConfig.Read(section.Section("interpreter"), kinds.Transformers),
            servers,
            PrefixedParams<ClientParams>.Read(section.Section("client"), ClientParams.Default, ClientParams.Read),
            PrefixedParams<ServiceParams>.Read(section.Section("service"), ServiceParams.Default, ServiceParams.Read),
            propagator,
            section.Int("bindingTimeoutMs", 1) ?? 10_000,
            maxCallDepth,
            section.Int("maxHeadersKB", 1) ?? 8,
            section.Int("maxInitialLineKB", 1) ?? 4,
            section.Int("maxErrResponseKB", 0) ?? 5120,
            section.Bool("originator") ?? false);

        // Accepted for compatibility with Linkerd configs; the runtime does not act on them.
        foreach (var key in (string[])["bindingCache", "announcers", "httpAccessLog", "httpAccessLogRollPolicy", "httpAccessLogAppend",
                     "httpAccessLogRotateCount", "streamAfterContentLengthKB", "streamingEnabled", "compressionLevel"])
        {
            _ = section.Has(key);
        }

        section.Complete();
        return config;
    }

    private static string ReadPropagator(ConfigSection section, string kind) =>
        TracePropagators.Contains(kind)
            ? kind
            : throw section.Invalid("tracePropagator", $"unknown trace propagator '{kind}' (known: {string.Join(", ", TracePropagators)})");
}

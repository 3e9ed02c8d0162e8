namespace Tracery.Mesh.Hosting;

using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Logging;
using Tracery.Mesh.Admin;
using Tracery.Mesh.Balancing;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Config;
using Tracery.Mesh.Config.Kinds;
using Tracery.Mesh.Config.Routing;
using Tracery.Mesh.Identifiers;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Routing;
using Tracery.Mesh.Routing.Forwarded;
using Tracery.Mesh.Telemetry;
using Tracery.Mesh.Tracing;

/// <summary>
/// Builds the runtime of a loaded config, as Linkerd's <c>Linker</c> does: namers and interpreters, identifiers,
/// client and service policies, telemeters and tracers. Everything that cannot run is reported here, before
/// any port is bound, as a <see cref="MeshConfigException"/> naming the key.
/// </summary>
public sealed class Linker : IAsyncDisposable
{
    private readonly NamingRuntime _naming;
    private readonly MeshTelemetry _telemetry;

    private Linker(NamingRuntime naming, MeshTelemetry telemetry, MeshOptions options)
    {
        _naming = naming;
        _telemetry = telemetry;
        Options = options;
    }

    public MeshOptions Options { get; }

    public MeshTelemetry Telemetry => _telemetry;

    public static Linker Link(MeshConfig config, TimeProvider? time = null, ILoggerFactory? loggers = null, bool consoleLogging = false, NamingKinds? namingKinds = null)
    {
        time ??= TimeProvider.System;
        var naming = NamingRuntime.Start(config, time, loggers, namingKinds);
        MeshTelemetry telemetry;
        try
        {
            telemetry = MeshTelemetry.Start(config.Telemetry.Select(Telemeter).OfType<TelemeterOptions>(), loggers, time);
        }
        catch (ArgumentException e)
        {
            naming.Dispose();
            throw new MeshConfigException("telemetry", 0, 0, e.Message);
        }
        var identifiers = IdentifierKinds.CreateDefault();
        var interpreters = new Dictionary<string, DefaultInterpreter>(StringComparer.Ordinal);
        var routers = config.Routers.Select((router, i) =>
        {
            var interpreter = naming.CreateInterpreter(router, i);
            interpreters[router.Label] = interpreter;
            return Router(router, i, identifiers, interpreter, telemetry);
        }).ToList();
        var recent = config.Telemetry.OfType<RecentRequestsTelemeterConfig>().FirstOrDefault() is { } r
            ? new RecentRequestLog(r.Capacity, r.SampleRate)
            : null;
        var options = new MeshOptions(routers)
        {
            Admin = new IPEndPoint(ParseIp(config.Admin.Ip), config.Admin.Port),
            AdminTls = config.Admin.Tls is { } adminTls ? Checked(() => PolicyMapping.ServerTls(adminTls, "admin.tls"), "admin.tls") : null,
            AdminSecurity = config.Admin.Security is { } security ? new AdminSecurity(security) : null,
            ShutdownGrace = TimeSpan.FromMilliseconds(config.Admin.ShutdownGraceMs),
            RecentRequests = recent,
            Config = config,
            Delegator = (query, ct) => Delegate(interpreters, query, ct),
            ConsoleLogging = consoleLogging,
            Time = time,
            Telemetry = telemetry,
            Namers = naming.Namers.Namers,
        };
        return new Linker(naming, telemetry, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _telemetry.DisposeAsync();
        _naming.Dispose();
    }

    private static RouterDefinition Router(RouterConfig router, int index, IdentifierKinds identifiers, INameInterpreter interpreter, MeshTelemetry telemetry)
    {
        var key = $"routers[{index}]";
        var clients = Prefixed(router.Client, (p, k) => Checked(() => PolicyMapping.Client(p, k), k), $"{key}.client");
        var services = Prefixed(router.Service, (p, k) => Checked(() => PolicyMapping.Service(p), k), $"{key}.service");
        var propagation = router.TracePropagator == "io.l5d.zipkin" ? TracePropagation.Zipkin : TracePropagation.Linkerd;
        return new RouterDefinition(
            router.Label,
            router.Servers.Select((s, i) => Server(s, router.Label, $"{key}.servers[{i}]")).ToList(),
            Checked(() => identifiers.Create(router), $"{key}.identifier"),
            interpreter,
            router.Dtab)
        {
            ClientPolicies = id => clients.For(id),
            ServicePolicies = path => services.For(path),
            MaxCallDepth = router.Servers.Max(s => s.MaxCallDepth),
            BindingTimeout = TimeSpan.FromMilliseconds(router.BindingTimeoutMs),
            Tracer = telemetry.CreateRouterTracer(propagation),
        };
    }

    private static ServerDefinition Server(ServerConfig server, string routerLabel, string key) => new(new IPEndPoint(ParseIp(server.Ip), server.Port))
    {
        AddForwardedHeader = server.AddForwardedHeader is { } forwarded
            ? new ForwardedHeader(PolicyMapping.Labeler(forwarded.By, routerLabel), PolicyMapping.Labeler(forwarded.For, routerLabel))
            : null,
        MaxConcurrentRequests = server.MaxConcurrentRequests,
        Tls = server.Tls is { } tls ? Checked(() => PolicyMapping.ServerTls(tls, $"{key}.tls"), $"{key}.tls") : null,
    };

    /// <summary>Maps every <c>io.l5d.static</c> entry up front, so a bad one fails at startup rather than on first use.</summary>
    private static PrefixedParams<TOut> Prefixed<TIn, TOut>(PrefixedParams<TIn> config, Func<TIn, string, TOut> map, string key)
        where TIn : class
        where TOut : class =>
        new(map(config.Default, key), [.. config.Configs.Select((e, i) => new PrefixedParams<TOut>.Entry(e.Prefix, map(e.Params, $"{key}.configs[{i}]")))]);

    private static T Checked<T>(Func<T> build, string key)
    {
        try
        {
            return build();
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            throw new MeshConfigException(key, 0, 0, e.Message);
        }
    }

    private static TelemeterOptions? Telemeter(TelemeterConfig config) => config switch
    {
        ZipkinHttpTelemeterConfig http => new ZipkinHttpOptions(Host: http.Host, SampleRate: http.SampleRate),
        ZipkinScribeTelemeterConfig scribe => new ZipkinScribeOptions(scribe.Host, scribe.Port, scribe.SampleRate),
        _ => null, // prometheus and recentRequests are served by the admin server
    };

    private static async Task<string> Delegate(Dictionary<string, DefaultInterpreter> interpreters, DelegatorQuery query, CancellationToken ct)
    {
        var label = query.Namespace ?? interpreters.Keys.First();
        if (!interpreters.TryGetValue(label, out var interpreter))
        {
            throw new ArgumentException($"no router labelled '{label}' (routers: {string.Join(", ", interpreters.Keys)})");
        }
        NamePath path;
        Dtab local;
        try
        {
            path = NamePath.Parse(query.Path);
            local = string.IsNullOrWhiteSpace(query.Dtab) ? Dtab.Empty : Dtab.Parse(query.Dtab);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, e);
        }
        var tree = await interpreter.DelegateAsync(path, local, ct);
        return Naming.Delegation.DelegationJson.Serialize(tree);
    }

    private static IPAddress ParseIp(string ip) => ip == "localhost" ? IPAddress.Loopback : IPAddress.Parse(ip);
}

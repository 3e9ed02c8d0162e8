namespace Tracery.Mesh.Hosting;

using System.Net;
using Tracery.Mesh.Admin;
using Tracery.Mesh.Routing;

/// <summary>
/// What a <see cref="MeshHost"/> runs: its routers, the admin server's address (null: no admin server) and
/// the admin server's view of the configuration. Built from a loaded config by <c>MeshDefinitions</c>, or by
/// hand in tests.
/// </summary>
public sealed record MeshOptions(IReadOnlyList<RouterDefinition> Routers)
{
    public IPEndPoint? Admin { get; init; } = new(IPAddress.Loopback, 9990);

    /// <summary>Linkerd's <c>admin.tls</c>: the admin server speaks HTTPS only; null for plain HTTP.</summary>
    public Transport.ServerTls? AdminTls { get; init; }

    /// <summary>Linkerd's <c>admin.security</c>: which admin paths answer; null lets every path through.</summary>
    public AdminSecurity? AdminSecurity { get; init; }

    /// <summary>Linkerd's <c>admin.shutdownGraceMs</c>: how long in-flight requests may finish on shutdown.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The <c>io.l5d.recentRequests</c> telemeter, if configured; the routers' tracers feed it.</summary>
    public RecentRequestLog? RecentRequests { get; init; }

    /// <summary>Served as <c>/config.json</c>.</summary>
    public object? Config { get; init; }

    /// <summary>Answers <c>/delegator.json?path=&amp;dtab=&amp;namespace=</c> with JSON; null when no delegator is wired.
    /// Throws <see cref="ArgumentException"/> for a bad query (answered 400).</summary>
    public Func<DelegatorQuery, CancellationToken, Task<string>>? Delegator { get; init; }

    /// <summary>The span telemeters, whose reporter counters join the admin metrics; null without tracing.</summary>
    public Telemetry.MeshTelemetry? Telemetry { get; init; }

    /// <summary>Console logging of warnings and errors (the CLI turns it on; tests leave it off).</summary>
    public bool ConsoleLogging { get; init; }

    /// <summary>The configured namers; those that implement <see cref="Naming.INamerState"/> are served as <c>/namer_state/&lt;prefix&gt;.json</c>.</summary>
    public IReadOnlyList<Naming.INamer> Namers { get; init; } = [];

    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>A <c>/delegator.json</c> request: the path to delegate, an extra dtab, and the router it is for.</summary>
public sealed record DelegatorQuery(string Path, string? Dtab, string? Namespace);

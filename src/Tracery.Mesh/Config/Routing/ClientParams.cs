namespace Tracery.Mesh.Config.Routing;

/// <summary>How the router talks to the endpoints of one client (one bound name).</summary>
public sealed record ClientParams(
    LoadBalancerConfig LoadBalancer,
    FailureAccrualConfig FailureAccrual,
    int? RequestAttemptTimeoutMs,
    bool FailFast,
    HostConnectionPoolConfig HostConnectionPool,
    int? SessionIdleTimeMs,
    int? SessionLifeTimeMs)
{
    /// <summary><c>tls</c>: null connects in plain text.</summary>
    public ClientTlsConfig? Tls { get; init; }

    public static readonly ClientParams Default = new(new(), FailureAccrualConfig.Default, null, false, new(), null, null);

    /// <summary>Reads the client keys of <paramref name="section"/> (the caller completes it, as it may hold more keys).</summary>
    /// <param name="prefix">The <c>io.l5d.static</c> config's prefix (its <c>{variables}</c> may appear in <c>tls.commonName</c>); null for a global config.</param>
    public static ClientParams Read(ConfigSection section, string? prefix)
    {
        var session = section.Section("clientSession");
        var config = new ClientParams(
            LoadBalancerConfig.Read(section.Section("loadBalancer")),
            FailureAccrualConfig.Read(section.Section("failureAccrual")),
            section.Int("requestAttemptTimeoutMs", 1),
            section.Bool("failFast") ?? false,
            HostConnectionPoolConfig.Read(section.Section("hostConnectionPool")),
            session?.Int("idleTimeMs", 1),
            session?.Int("lifeTimeMs", 1))
        {
            Tls = ClientTlsConfig.Read(section.Section("tls"), prefix),
        };
        session?.Complete();

        // Accepted for compatibility with Linkerd configs; the runtime does not act on them.
        _ = section.Section("socketOptions");
        _ = section.Section("requeueBudget");
        _ = section.String("forwardClientCert");
        _ = section.Sections("requestAuthorizers");
        return config;
    }
}

namespace Tracery.Mesh.Hosting;

using Tracery.Mesh.Balancing;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Config.Routing;
using Tracery.Mesh.Routing.Forwarded;
using Tracery.Mesh.Transport;

/// <summary>Turns a router's loaded <c>client</c> and <c>service</c> parameters into the runtime policies.</summary>
public static class PolicyMapping
{
    public static ClientPolicy Client(ClientParams config, string keyPath)
    {
        var accrual = config.FailureAccrual;
        var (failures, successRate) = accrual.Kind switch
        {
            "io.l5d.successRate" => (0, new SuccessRatePolicy(accrual.SuccessRate, accrual.Requests, null)),
            "io.l5d.successRateWindowed" => (0, new SuccessRatePolicy(accrual.SuccessRate, null, TimeSpan.FromSeconds(accrual.WindowSecs))),
            "none" => (0, null),
            _ => (accrual.Failures, (SuccessRatePolicy?)null),
        };
        return new ClientPolicy(
            config.LoadBalancer.Kind,
            failures,
            Backoff(accrual.Backoff),
            Millis(config.RequestAttemptTimeoutMs),
            TimeSpan.FromMilliseconds(config.LoadBalancer.DecayTimeMs))
        {
            Transport = Transport(config, keyPath),
            SuccessRate = successRate,
        };
    }

    /// <summary>
    /// <c>hostConnectionPool</c> and <c>clientSession</c>. <c>minSize</c> has no counterpart: .NET opens connections on
    /// demand and keeps idle ones until <c>idleTimeMs</c>, which is what a warm pool is for.
    /// </summary>
    public static UpstreamTransport Transport(ClientParams config, string keyPath = "client")
    {
        var pool = config.HostConnectionPool;
        var transport = new UpstreamTransport
        {
            MaxConnections = pool.MaxSize,
            MaxWaiters = pool.MaxWaiters,
            IdleTimeout = Millis(pool.IdleTimeMs ?? config.SessionIdleTimeMs),
            Lifetime = Millis(config.SessionLifeTimeMs),
            Tls = config.Tls is { } tls ? ClientTls(tls, $"{keyPath}.tls") : null,
        };
        return transport == UpstreamTransport.Default ? UpstreamTransport.Default : transport;
    }

    /// <summary>Reads the certificate files now, so that a bad path fails at startup and not on the first request.</summary>
    public static ClientTls ClientTls(ClientTlsConfig config, string keyPath) => new(
        config.CommonName,
        config.DisableValidation,
        PemFiles.Certificates(config.TrustCerts, $"{keyPath}.trustCerts"),
        config.ClientCertPath is { } cert ? PemFiles.CertificateWithKey(cert, config.ClientKeyPath!, $"{keyPath}.clientAuth") : null,
        PemFiles.Protocols(config.Protocols, $"{keyPath}.protocols"))
    {
        Prefix = CommonNameTemplate.Variables(config.CommonName).Count > 0 ? config.Prefix : null,
    };

    public static ServerTls ServerTls(ServerTlsConfig config, string keyPath)
    {
        var certificate = PemFiles.CertificateWithKey(config.CertPath, config.KeyPath, keyPath);
        return new ServerTls(
            certificate,
            PemFiles.Certificates(config.IntermediateCertsPath is { } intermediates ? [intermediates] : [], $"{keyPath}.intermediateCertsPath"),
            PemFiles.Certificates(config.CaCertPath is { } ca ? [ca] : [], $"{keyPath}.caCertPath"),
            config.RequireClientAuth,
            PemFiles.Protocols(config.Protocols, $"{keyPath}.protocols"));
    }

    /// <summary>An <c>addForwardedHeader</c> labeler; <c>router</c> names the node by <paramref name="routerLabel"/>.</summary>
    public static IForwardedLabeler Labeler(ForwardedLabelerConfig config, string routerLabel) => config.Kind switch
    {
        "ip" => new AddressLabeler(withPort: false),
        "ip:port" => new AddressLabeler(withPort: true),
        "connectionRandom" => new ObfuscatedLabeler(perConnection: true),
        "router" => new StaticLabeler(routerLabel),
        "static" => new StaticLabeler(config.Label!),
        _ => new ObfuscatedLabeler(perConnection: false),
    };

    public static ServicePolicy Service(ServiceParams config) => new(
        ResponseClassifiers.ForKind(config.ResponseClassifier),
        Millis(config.TotalTimeoutMs),
        new RetryBudgetOptions(config.Retries.PercentCanRetry, config.Retries.MinRetriesPerSec, config.Retries.TtlSecs),
        Backoff(config.Retries.Backoff));

    public static IBackoff Backoff(BackoffConfig config) => config.Kind == "jittered"
        ? new JitteredBackoff(TimeSpan.FromMilliseconds(config.MinMs), TimeSpan.FromMilliseconds(config.MaxMs))
        : config.Ms == 0 ? ConstantBackoff.Zero : new ConstantBackoff(TimeSpan.FromMilliseconds(config.Ms));

    private static TimeSpan? Millis(int? ms) => ms is int value ? TimeSpan.FromMilliseconds(value) : null;
}

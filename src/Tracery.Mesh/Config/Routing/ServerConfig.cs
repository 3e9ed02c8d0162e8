namespace Tracery.Mesh.Config.Routing;

/// <summary>
/// A router's listener. Linkerd binds loopback unless told otherwise (the tutorial sets <c>ip: 0.0.0.0</c>).
/// <see cref="MaxCallDepth"/> counts <c>Via</c> entries; more answers 400 (a routing loop).
/// </summary>
public sealed record ServerConfig(string Ip, int Port, int? MaxConcurrentRequests, int MaxCallDepth, bool ClearContext, string? TimestampHeader)
{
    public const string DefaultIp = "127.0.0.1";

    /// <summary><c>ip/port</c>, as in span service names and metric scopes (<c>0.0.0.0/4140</c>).</summary>
    public string Label => $"{Ip}/{Port}";

    /// <summary><c>tls</c>: null listens in plain text.</summary>
    public ServerTlsConfig? Tls { get; init; }

    /// <summary><c>addForwardedHeader</c>: null adds no <c>Forwarded</c> header (the RFC's default).</summary>
    public ForwardedHeaderConfig? AddForwardedHeader { get; init; }

    public static ServerConfig Read(ConfigSection section, int defaultPort, int defaultMaxCallDepth)
    {
        var ip = section.String("ip") ?? DefaultIp;
        if (!System.Net.IPAddress.TryParse(ip, out _) && ip != "localhost")
        {
            throw section.Invalid("ip", $"'{ip}' is not an IP address");
        }

        var config = new ServerConfig(
            ip,
            section.Port("port") ?? defaultPort,
            section.Int("maxConcurrentRequests", 1),
            section.Int("maxCallDepth", 1) ?? defaultMaxCallDepth,
            section.Bool("clearContext") ?? false,
            section.String("timestampHeader"))
        {
            Tls = ServerTlsConfig.Read(section.Section("tls")),
            AddForwardedHeader = ForwardedHeaderConfig.Read(section.Section("addForwardedHeader")),
        };

        // Accepted for compatibility with Linkerd configs; the runtime does not act on them.
        _ = section.Section("socketOptions");
        _ = section.Section("serverSession");
        _ = section.Bool("announce");
        _ = section.Strings("announce");
        section.Complete();
        return config;
    }
}

namespace Tracery.Mesh.Config;

using Tracery.Mesh.Config.Routing;

/// <summary>
/// The admin server: loopback by default since Linkerd 1.2 (the tutorial sets <c>ip: 0.0.0.0</c>). <see cref="Tls"/>
/// has the shape of a router server's <c>tls</c>; without <see cref="Security"/> every endpoint answers.
/// </summary>
public sealed record AdminConfig(
    string Ip = "127.0.0.1", int Port = 9990, int ShutdownGraceMs = 10_000, ServerTlsConfig? Tls = null, AdminSecurityConfig? Security = null)
{
    public static AdminConfig Read(ConfigSection? section)
    {
        if (section is null)
        {
            return new();
        }

        var ip = section.String("ip") ?? "127.0.0.1";
        if (!System.Net.IPAddress.TryParse(ip, out _) && ip != "localhost")
        {
            throw section.Invalid("ip", $"'{ip}' is not an IP address");
        }

        var config = new AdminConfig(
            ip,
            section.Port("port") ?? 9990,
            section.Int("shutdownGraceMs", 0) ?? 10_000,
            ServerTlsConfig.Read(section.Section("tls")),
            AdminSecurityConfig.Read(section.Section("security")));

        // Accepted for compatibility with Linkerd configs; the runtime does not act on them.
        _ = section.Section("socketOptions");
        _ = section.Int("httpIdentifierPort", 0, 65535);
        _ = section.Int("workerThreads", 1);
        section.Complete();
        return config;
    }
}

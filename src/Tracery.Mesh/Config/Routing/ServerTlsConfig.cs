namespace Tracery.Mesh.Config.Routing;

using System.Collections.Immutable;

/// <summary>
/// <c>servers[].tls</c>: the listener speaks TLS with the certificate at <see cref="CertPath"/> and its PKCS#8 key at
/// <see cref="KeyPath"/> (PEM). With <see cref="RequireClientAuth"/>, clients must present a certificate that chains to
/// <see cref="CaCertPath"/>.
/// </summary>
public sealed record ServerTlsConfig(
    string CertPath, string KeyPath, string? IntermediateCertsPath, string? CaCertPath, bool RequireClientAuth, ImmutableArray<string> Protocols)
{
    public static ServerTlsConfig? Read(ConfigSection? section)
    {
        if (section is null)
        {
            return null;
        }

        var config = new ServerTlsConfig(
            section.RequireString("certPath"),
            section.RequireString("keyPath"),
            section.String("intermediateCertsPath"),
            section.String("caCertPath"),
            section.Bool("requireClientAuth") ?? false,
            section.Strings("protocols").ToImmutableArray());
        if (config.RequireClientAuth && config.CaCertPath is null)
        {
            throw section.Missing("caCertPath");
        }

        section.Complete();
        return config;
    }
}

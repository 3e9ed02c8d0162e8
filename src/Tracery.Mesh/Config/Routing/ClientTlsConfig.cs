namespace Tracery.Mesh.Config.Routing;

using System.Collections.Immutable;

/// <summary>
/// <c>client.tls</c> (Linkerd's <c>client_tls.md</c>): connect to endpoints over TLS, checking that their certificate
/// chains to <see cref="TrustCerts"/> (or the system's roots) and names <see cref="CommonName"/>, unless
/// <see cref="DisableValidation"/>. <see cref="ClientCertPath"/> and <see cref="ClientKeyPath"/> (PKCS#8 PEM) are
/// <c>clientAuth</c>.
/// </summary>
public sealed record ClientTlsConfig(
    string? CommonName,
    bool DisableValidation,
    ImmutableArray<string> TrustCerts,
    string? ClientCertPath,
    string? ClientKeyPath,
    ImmutableArray<string> Protocols)
{
    public static ClientTlsConfig? Read(ConfigSection? section)
    {
        if (section is null)
        {
            return null;
        }

        var disableValidation = section.Bool("disableValidation") ?? false;
        var commonName = section.String("commonName");
        if (commonName is null && !disableValidation)
        {
            throw section.Invalid("commonName", "required key 'commonName' is missing (the name the endpoints' certificates must carry); set disableValidation: true to skip validation instead");
        }

        if (commonName?.Contains('{', StringComparison.Ordinal) == true)
        {
            throw section.Invalid("commonName", $"'{commonName}': {{variables}} in commonName are not supported; give the name itself");
        }

        // trustCertsBundle is Linkerd's newer spelling of trustCerts (one file holding many certificates).
        var trust = section.Strings("trustCerts").ToImmutableArray();
        if (section.String("trustCertsBundle") is { } bundle)
        {
            trust = trust.Add(bundle);
        }

        var clientAuth = section.Section("clientAuth");
        var config = new ClientTlsConfig(
            commonName,
            disableValidation,
            trust,
            clientAuth?.RequireString("certPath"),
            clientAuth?.RequireString("keyPath"),
            section.Strings("protocols").ToImmutableArray());
        clientAuth?.Complete();
        section.Complete();
        return config;
    }
}

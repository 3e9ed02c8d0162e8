namespace Tracery.Mesh.Config.Routing;

using System.Collections.Immutable;

/// <summary>
/// <c>client.tls</c> (Linkerd's <c>client_tls.md</c>): connect to endpoints over TLS, checking that their certificate
/// chains to <see cref="TrustCerts"/> (or the system's roots) and names <see cref="CommonName"/>, unless
/// <see cref="DisableValidation"/>. <see cref="ClientCertPath"/> and <see cref="ClientKeyPath"/> (PKCS#8 PEM) are
/// <c>clientAuth</c>. In an <c>io.l5d.static</c> config, <see cref="CommonName"/> may use the prefix's <c>{variables}</c>
/// (<c>{service}.example.com</c> under <c>/#/io.l5d.fs/{service}</c>).
/// </summary>
public sealed record ClientTlsConfig(
    string? CommonName,
    bool DisableValidation,
    ImmutableArray<string> TrustCerts,
    string? ClientCertPath,
    string? ClientKeyPath,
    ImmutableArray<string> Protocols)
{
    /// <summary>The <c>io.l5d.static</c> prefix this config belongs to, whose <c>{variables}</c> <see cref="CommonName"/> may use; null for a global config.</summary>
    public string? Prefix { get; init; }

    /// <param name="prefix">The enclosing static config's prefix, null for a global config.</param>
    public static ClientTlsConfig? Read(ConfigSection? section, string? prefix = null)
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

        foreach (var variable in CommonNameTemplate.Variables(commonName))
        {
            if (!CommonNameTemplate.Variables(prefix).Contains(variable))
            {
                throw section.Invalid("commonName", prefix is null
                    ? $"'{commonName}' uses {{{variable}}}, but only an io.l5d.static config's prefix defines variables"
                    : $"'{commonName}' uses {{{variable}}}, which the prefix '{prefix}' does not define");
            }
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
            section.Strings("protocols").ToImmutableArray())
        {
            Prefix = prefix,
        };
        clientAuth?.Complete();
        section.Complete();
        return config;
    }
}

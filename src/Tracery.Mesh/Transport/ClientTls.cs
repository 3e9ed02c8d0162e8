namespace Tracery.Mesh.Transport;

using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Tracery.Mesh.Config.Routing;

/// <summary>
/// The runtime form of <c>client.tls</c>: how to check an endpoint's certificate and which one to present.
/// The check is the proxy's own, since the name to check is <see cref="CommonName"/>, not the <c>Host</c> the
/// request carries (the mesh routes by service name, so the two rarely agree).
/// </summary>
public sealed record ClientTls(
    string? CommonName,
    bool DisableValidation,
    X509Certificate2Collection TrustRoots,
    X509Certificate2? ClientCertificate,
    SslProtocols Protocols)
{
    /// <summary>The static config's prefix whose <c>{variables}</c> <see cref="CommonName"/> uses; null when it uses none.</summary>
    public string? Prefix { get; init; }

    /// <summary>This config for one client: <see cref="CommonName"/>'s variables filled from its bound id.</summary>
    public ClientTls For(string boundId) =>
        CommonName is null || Prefix is null ? this : this with { CommonName = CommonNameTemplate.Resolve(CommonName, Prefix, boundId), Prefix = null };

    public SslClientAuthenticationOptions SslOptions() => new()
    {
        RemoteCertificateValidationCallback = (_, certificate, _, errors) => Accepts(certificate as X509Certificate2, errors),
        ClientCertificates = ClientCertificate is null ? null : new X509CertificateCollection { ClientCertificate },
        EnabledSslProtocols = Protocols,
    };

    /// <summary>
    /// Chained to <see cref="TrustRoots"/> when any are given (the system roots otherwise) and carrying
    /// <see cref="CommonName"/> as a DNS name or common name.
    /// </summary>
    public bool Accepts(X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (DisableValidation)
        {
            return true;
        }
        if (certificate is null || CommonName is null || !certificate.MatchesHostname(CommonName))
        {
            return false;
        }
        if (TrustRoots.Count == 0)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }
        return CustomRoots.Chains(certificate, TrustRoots);
    }
}

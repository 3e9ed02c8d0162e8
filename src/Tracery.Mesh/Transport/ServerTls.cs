namespace Tracery.Mesh.Transport;

using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

/// <summary>
/// The runtime form of a <c>tls</c> section on a listener (<c>servers[].tls</c>, <c>admin.tls</c>): the certificate,
/// the intermediate CA certificates sent with it, and, with <see cref="RequireClientAuth"/>, the roots a client's
/// certificate must chain to.
/// </summary>
public sealed record ServerTls(
    X509Certificate2 Certificate, X509Certificate2Collection Intermediates, X509Certificate2Collection ClientRoots, bool RequireClientAuth, SslProtocols Protocols)
{
    /// <summary>
    /// Per-handshake options around one certificate context. Kestrel's own <see cref="HttpsConnectionAdapterOptions"/>
    /// builds that context with certificate downloads allowed, which can stall startup fetching a private CA's
    /// issuers; built offline, the chain holds exactly the certificates the files name.
    /// </summary>
    public TlsHandshakeCallbackOptions HandshakeOptions()
    {
        var context = SslStreamCertificateContext.Create(Certificate, Intermediates, offline: true);
        RemoteCertificateValidationCallback? validation = RequireClientAuth ? ValidClient : null;
        return new TlsHandshakeCallbackOptions
        {
            // A new options object per connection: Kestrel fills in the ALPN list on the one it is given.
            OnConnection = _ => ValueTask.FromResult(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = context,
                EnabledSslProtocols = Protocols,
                ClientCertificateRequired = RequireClientAuth,
                RemoteCertificateValidationCallback = validation,
            }),
        };
    }

    // SslStream hands the callback the X509Certificate2 it decoded; no certificate at all fails the handshake.
    private bool ValidClient(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is X509Certificate2 full && CustomRoots.Chains(full, ClientRoots);
}

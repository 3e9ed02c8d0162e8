namespace Tracery.Mesh.Transport;

using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

/// <summary>
/// The runtime form of <c>servers[].tls</c>: the listener's certificate and, with <see cref="RequireClientAuth"/>,
/// the roots a client's certificate must chain to.
/// </summary>
public sealed record ServerTls(X509Certificate2 Certificate, X509Certificate2Collection ClientRoots, bool RequireClientAuth, SslProtocols Protocols)
{
    public HttpsConnectionAdapterOptions HttpsOptions()
    {
        var options = new HttpsConnectionAdapterOptions
        {
            ServerCertificate = Certificate,
            SslProtocols = Protocols,
            ClientCertificateMode = RequireClientAuth ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.NoCertificate,
        };
        if (RequireClientAuth)
        {
            options.ClientCertificateValidation = (certificate, _, _) => CustomRoots.Chains(certificate, ClientRoots);
        }
        return options;
    }
}

namespace Tracery.Mesh.Naming.Namers;

using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

/// <summary>
/// A connection to the Kubernetes API (see <see cref="K8sApiEndpoint"/>) and what it serves: EndpointSlices where
/// the cluster has the discovery.k8s.io/v1 group, v1 Endpoints otherwise.
/// </summary>
internal sealed class K8sApi : IDisposable
{
    private const string DiscoveryGroup = "apis/discovery.k8s.io/v1";
    private K8sResource? resource;

    public K8sApi(K8sApiEndpoint endpoint)
    {
        Endpoint = endpoint;
        // No overall timeout: watches are long-lived streams, and each list is bounded by the first-lookup wait.
        Http = new HttpClient(Handler(endpoint)) { BaseAddress = endpoint.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    public K8sApiEndpoint Endpoint { get; }

    public HttpClient Http { get; }

    /// <summary>The resource found by discovery, or null before the first answer.</summary>
    public K8sResource? Resource => Volatile.Read(ref resource);

    /// <summary>Asks the API once whether it serves EndpointSlices; a failure is thrown (and retried by the watch), not guessed.</summary>
    public async Task<K8sResource> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (Resource is { } known)
        {
            return known;
        }

        using var response = await Http.GetAsync(DiscoveryGroup, cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }

        var found = response.IsSuccessStatusCode ? K8sResource.EndpointSlices : K8sResource.Endpoints;
        Volatile.Write(ref resource, found);
        return found;
    }

    public void Dispose() => Http.Dispose();

    private static HttpMessageHandler Handler(K8sApiEndpoint endpoint)
    {
        var sockets = new SocketsHttpHandler { UseProxy = false };
        if (endpoint.CaFile is { } caFile)
        {
            var ca = X509CertificateLoader.LoadCertificateFromFile(caFile);
            sockets.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusted(ca, certificate, errors);
        }

        return endpoint.TokenFile is { } tokenFile ? new K8sBearerToken(tokenFile, sockets) : sockets;
    }

    /// <summary>The API server's certificate must chain to the cluster CA (not the machine's roots) and name the host dialled.</summary>
    private static bool Trusted(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is not X509Certificate2 presented || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented);
    }
}

namespace Tracery.Mesh.Tests.Naming.Namers;

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Naming.Namers;

/// <summary>
/// In-cluster access: the API over HTTPS (a self-signed certificate made here, as the cluster CA), the service account's
/// token as a bearer token (re-read when the kubelet rotates it) and its CA, all from a temporary service-account directory.
/// </summary>
public sealed class K8sInClusterTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TempDirectory serviceAccount = new();

    public void Dispose() => serviceAccount.Dispose();

    [Fact]
    public async Task WithNoHostOrPortInAPodTheNamerUsesTheServiceAccountOverHttps()
    {
        using var certificate = SelfSigned("127.0.0.1");
        await using var api = await KubernetesApiStub.StartAsync([KubernetesApiStub.Endpoints("hello", ("10.0.0.1", "http", 7777))], https: certificate);
        var pod = InPod(api.Port, certificate);

        var endpoint = K8sApiEndpoint.Choose("localhost", 8001, defaulted: true, pod);
        Assert.Equal(($"https://127.0.0.1:{api.Port}/", "default"), (endpoint.BaseAddress.ToString(), endpoint.Namespace));
        using var namer = new K8sNamer(NamePath.Of("io.l5d.k8s"), endpoint, TimeProvider.System);

        var hello = Assert.IsType<NameTree<BoundName>.Leaf>(await namer.LookupAsync(NamePath.Of("default", "http", "hello"))).Value;
        Assert.Equal([new Address("10.0.0.1", 7777)], hello.Addresses.Current);
        Assert.All(api.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));

        // The kubelet rotates the token: the next request (a relist after 410 Gone) carries the new one.
        serviceAccount.Write("token", "token-2\n");
        await api.SendErrorGoneAsync();
        await Poll.UntilAsync(() => api.Requests.Any(r => r.Authorization == "Bearer token-2"), Timeout, "a request with the rotated token");
    }

    [Fact]
    public async Task AnApiServerWhoseCertificateIsNotFromTheClusterCaIsRefused()
    {
        using var certificate = SelfSigned("127.0.0.1");
        using var otherCa = SelfSigned("127.0.0.1");
        await using var api = await KubernetesApiStub.StartAsync([KubernetesApiStub.Endpoints("hello", ("10.0.0.1", "http", 7777))], https: certificate);
        using var namer = new K8sNamer(NamePath.Of("io.l5d.k8s"), InPod(api.Port, otherCa).ToEndpoint(), TimeProvider.System);

        Assert.IsType<NameTree<BoundName>.Neg>(await namer.LookupAsync(NamePath.Of("default", "http", "hello")));
        Assert.Empty(api.Requests);
        var watch = K8sEndpointSliceTests.State(namer).GetProperty("services").GetProperty("default/hello").GetProperty("watch");
        Assert.Contains("SSL", watch.GetProperty("lastError").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void HostOrPortGivenOrNotInAPodMeansLinkerdsKubectlProxy()
    {
        using var ca = SelfSigned("127.0.0.1");
        var inPod = InPod(443, ca);
        var outside = new K8sPodEnvironment(_ => null, serviceAccount.Path);

        Assert.Equal("http://localhost:8001", K8sApiEndpoint.Choose("localhost", 8001, defaulted: true, outside).ToString());
        Assert.Equal("http://localhost:8001", K8sApiEndpoint.Choose("localhost", 8001, defaulted: false, inPod).ToString());
        Assert.Equal("https://127.0.0.1:443", K8sApiEndpoint.Choose("localhost", 8001, defaulted: true, inPod).ToString());
    }

    [Theory]
    [InlineData(null, "443", "KUBERNETES_SERVICE_HOST is not set")]
    [InlineData("127.0.0.1", "https", "KUBERNETES_SERVICE_PORT 'https' is not a port number")]
    public void ABadInClusterEnvironmentIsAClearError(string? host, string port, string message)
    {
        serviceAccount.Write("token", "t");
        var pod = new K8sPodEnvironment(name => name switch { "KUBERNETES_SERVICE_HOST" => host, "KUBERNETES_SERVICE_PORT" => port, _ => null }, serviceAccount.Path);

        Assert.Contains(message, Assert.Throws<ArgumentException>(pod.ToEndpoint).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingCaIsAClearError()
    {
        serviceAccount.Write("token", "t");
        var pod = new K8sPodEnvironment(name => name == "KUBERNETES_SERVICE_HOST" ? "10.96.0.1" : null, serviceAccount.Path);

        Assert.Contains("ca.crt is missing", Assert.Throws<ArgumentException>(pod.ToEndpoint).Message, StringComparison.Ordinal);
    }

    /// <summary>A service-account directory as the kubelet mounts it, for an API server at 127.0.0.1:<paramref name="port"/>.</summary>
    private K8sPodEnvironment InPod(int port, X509Certificate2? ca)
    {
        serviceAccount.Write("token", "token-1\n");
        serviceAccount.Write("namespace", "default");
        if (ca is not null)
        {
            serviceAccount.Write("ca.crt", ca.ExportCertificatePem());
        }

        var variables = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "127.0.0.1", ["KUBERNETES_SERVICE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return new K8sPodEnvironment(name => variables.GetValueOrDefault(name), serviceAccount.Path);
    }

    /// <summary>A self-signed CA certificate for <paramref name="ip"/>, usable by Kestrel (PKCS#12 round trip for a persisted key).</summary>
    private static X509Certificate2 SelfSigned(string ip)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Parse(ip));
        names.AddDnsName("kubernetes.default.svc");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}

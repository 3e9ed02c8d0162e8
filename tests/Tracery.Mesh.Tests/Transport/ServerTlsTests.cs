namespace Tracery.Mesh.Tests.Transport;

using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Tracery.Mesh.Config;
using Tracery.Mesh.Config.Routing;
using Tracery.Mesh.Hosting;
using Tracery.Mesh.Routing;
using Tracery.Mesh.Tests.Support;

/// <summary><c>servers[].tls</c>: the router's listener speaks HTTPS with the configured certificate and key.</summary>
public sealed class ServerTlsTests
{
    [Fact]
    public async Task ARouterServerWithTlsAnswersOverHttps()
    {
        using var certificate = new TestCertificate("mesh.test");
        await using var upstream = await Upstream.StartAsync();
        var tls = PolicyMapping.ServerTls(new ServerTlsConfig(certificate.CertPath, certificate.KeyPath, null, null, false, []), "servers[0].tls");
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(upstream.Address)),
            r => r with { Servers = [new ServerDefinition(new IPEndPoint(IPAddress.Loopback, 0)) { Tls = tls }] });
        string? presented = null;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => (presented = cert?.Subject) is not null },
        });
        var request = new HttpRequestMessage(HttpMethod.Get, $"https://{mesh.Router}/over-tls");
        request.Headers.Host = "web";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CN=mesh.test", presented);
        Assert.Equal("/over-tls", Assert.Single(upstream.Received).PathAndQuery);
    }

    [Fact]
    public async Task RequireClientAuthAdmitsOnlyClientsWithACertificateFromCaCertPath()
    {
        using var server = new TestCertificate("mesh.test");
        using var trusted = new TestCertificate("client.test");
        using var stranger = new TestCertificate("stranger.test");
        await using var upstream = await Upstream.StartAsync();
        var tls = PolicyMapping.ServerTls(new ServerTlsConfig(server.CertPath, server.KeyPath, null, trusted.CertPath, true, []), "servers[0].tls");
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(upstream.Address)),
            r => r with { Servers = [new ServerDefinition(new IPEndPoint(IPAddress.Loopback, 0)) { Tls = tls }] });
        HttpClient Client(TestCertificate? certificate) => new(new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                ClientCertificates = certificate is null ? null : [certificate.Certificate],
            },
        });
        HttpRequestMessage Request() => new(HttpMethod.Get, $"https://{mesh.Router}/") { Headers = { Host = "web" } };
        using var withTrusted = Client(trusted);
        using var withStranger = Client(stranger);
        using var without = Client(null);

        var admitted = await withTrusted.SendAsync(Request());
        await Assert.ThrowsAsync<HttpRequestException>(() => withStranger.SendAsync(Request()));
        await Assert.ThrowsAsync<HttpRequestException>(() => without.SendAsync(Request()));

        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Single(upstream.Received);
    }

    [Fact]
    public async Task IntermediateCertsPathLetsAClientThatTrustsOnlyTheRootValidateTheChain()
    {
        using var chain = new TestCertificateChain("web");
        await using var upstream = await Upstream.StartAsync();
        async Task<TestMesh> Start(string? intermediates)
        {
            var tls = PolicyMapping.ServerTls(new ServerTlsConfig(chain.CertPath, chain.KeyPath, intermediates, null, false, []), "servers[0].tls");
            return await TestMesh.StartAsync(
                new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(upstream.Address)),
                r => r with { Servers = [new ServerDefinition(new IPEndPoint(IPAddress.Loopback, 0)) { Tls = tls }] });
        }
        await using var withIntermediates = await Start(chain.IntermediatesPath);
        await using var leafOnly = await Start(null);
        using var root = X509CertificateLoader.LoadCertificate(chain.Root.RawData);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions =
            {
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { root },
                    RevocationMode = X509RevocationMode.NoCheck,
                    DisableCertificateDownloads = true,
                },
            },
        });
        HttpRequestMessage Request(TestMesh mesh) => new(HttpMethod.Get, $"https://{mesh.Router}/chained") { Headers = { Host = "web" } };

        var response = await client.SendAsync(Request(withIntermediates));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Request(leafOnly)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("certificate chain", Assert.IsType<AuthenticationException>(refused.InnerException).Message);
        Assert.Equal("/chained", Assert.Single(upstream.Received).PathAndQuery);
    }

    [Theory]
    [InlineData("missing.pem", null)]
    [InlineData("notes.txt", "these are not certificates")]
    public void AnUnreadableIntermediateCertsPathIsAnErrorNamingTheKeyAndFile(string file, string? content)
    {
        using var chain = new TestCertificateChain("web");
        var path = Path.Combine(Path.GetDirectoryName(chain.CertPath)!, file);
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }
        var config = new MeshConfigLoader().Load($$"""
            routers:
            - protocol: http
              servers:
              - port: 0
                tls: {certPath: {{chain.CertPath}}, keyPath: {{chain.KeyPath}}, intermediateCertsPath: {{path}}}
            """);

        var error = Assert.Throws<MeshConfigException>(() => Linker.Link(config));

        Assert.Contains("routers[0].servers[0].tls.intermediateCertsPath", error.Message);
        Assert.Contains(path, error.Message);
    }
}

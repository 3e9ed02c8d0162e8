namespace Tracery.Mesh.Tests.Transport;

using System.Net;
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
}

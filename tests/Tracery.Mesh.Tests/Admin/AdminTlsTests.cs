namespace Tracery.Mesh.Tests.Admin;

using Tracery.Mesh.Config;
using Tracery.Mesh.Hosting;
using Tracery.Mesh.Tests.Support;

/// <summary><c>admin.tls</c>: the admin server speaks HTTPS with the configured certificate, and only HTTPS.</summary>
public sealed class AdminTlsTests
{
    [Fact]
    public async Task TheAdminServerAnswersOverHttpsAndRefusesPlainHttp()
    {
        using var certificate = new TestCertificate("admin.test");
        var config = new MeshConfigLoader().Load($$"""
            admin:
              port: 0
              tls:
                certPath: {{certificate.CertPath}}
                keyPath: {{certificate.KeyPath}}
                protocols: [TLSv1.2, TLSv1.3]
            routers:
            - protocol: http
              servers: [{port: 0}]
            """);
        await using var host = await MeshHost.StartAsync(config);
        string? presented = null;
        using var https = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => (presented = cert?.Subject) is not null },
        });
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        var pong = await https.GetStringAsync($"https://{host.AdminEndpoint}/admin/ping");
        await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync($"http://{host.AdminEndpoint}/admin/ping"));

        Assert.Equal("pong", pong);
        Assert.Equal("CN=admin.test", presented);
    }

    [Fact]
    public void AnUnreadableAdminCertificateIsAnErrorNamingTheKey()
    {
        var config = new MeshConfigLoader().Load("""
            admin:
              tls: {certPath: /nowhere/admin.pem, keyPath: /nowhere/admin.pk8}
            routers:
            - protocol: http
              servers: [{port: 0}]
            """);

        var error = Assert.Throws<MeshConfigException>(() => Linker.Link(config));

        Assert.StartsWith("admin.tls", error.KeyPath);
        Assert.Contains("/nowhere/admin.pem", error.Message);
    }
}

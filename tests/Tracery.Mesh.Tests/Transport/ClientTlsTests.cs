namespace Tracery.Mesh.Tests.Transport;

using System.Collections.Immutable;
using System.Net;
using Tracery.Mesh.Balancing;
using Tracery.Mesh.Config;
using Tracery.Mesh.Config.Routing;
using Tracery.Mesh.Hosting;
using Tracery.Mesh.Tests.Support;
using Tracery.Mesh.Transport;

/// <summary><c>client.tls</c>: HTTPS to a Kestrel upstream with a certificate made in the test.</summary>
public sealed class ClientTlsTests : IDisposable
{
    private readonly TestCertificate _certificate = new("web.test");

    public void Dispose() => _certificate.Dispose();

    private async Task<(Upstream Upstream, TestMesh Mesh)> Start(ClientTlsConfig tls)
    {
        var upstream = await Upstream.StartAsync(certificate: _certificate.Certificate);
        var transport = new UpstreamTransport { Tls = PolicyMapping.ClientTls(tls, "client.tls") };
        var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(upstream.Address)),
            r => r with { ClientPolicies = _ => ClientPolicy.Default with { Transport = transport } });
        return (upstream, mesh);
    }

    private static ClientTlsConfig Tls(string? commonName, bool disableValidation = false, params string[] trust) =>
        new(commonName, disableValidation, [.. trust], null, null, []);

    [Fact]
    public async Task ACertificateChainedToTrustCertsWithTheCommonNameIsAccepted()
    {
        var (upstream, mesh) = await Start(Tls("web.test", false, _certificate.CertPath));
        await using var _ = upstream;
        await using var __ = mesh;

        var response = await mesh.Client.GetAsync("http://web/secure");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/secure", Assert.Single(upstream.Received).PathAndQuery);
    }

    [Fact]
    public async Task AWrongCommonNameFailsWith502()
    {
        var (upstream, mesh) = await Start(Tls("other.test", false, _certificate.CertPath));
        await using var _ = upstream;
        await using var __ = mesh;

        var response = await mesh.Client.GetAsync("http://web/");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.True(response.Headers.Contains("l5d-err"));
        Assert.Contains("The remote certificate was rejected", await response.Content.ReadAsStringAsync());
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task ASelfSignedCertificateOutsideTrustCertsFails()
    {
        var (upstream, mesh) = await Start(Tls("web.test"));
        await using var _ = upstream;
        await using var __ = mesh;

        var response = await mesh.Client.GetAsync("http://web/");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.True(response.Headers.Contains("l5d-err"));
    }

    [Fact]
    public async Task DisableValidationAcceptsAnyCertificate()
    {
        var (upstream, mesh) = await Start(Tls(null, disableValidation: true));
        await using var _ = upstream;
        await using var __ = mesh;

        var response = await mesh.Client.GetAsync("http://web/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void ConfigReadsLinkerdKeysAndLoadsTheFilesAtStartup()
    {
        var config = new MeshConfigLoader().Load($$"""
            routers:
            - protocol: http
              servers: [{port: 0}]
              client:
                tls:
                  commonName: web.test
                  trustCerts: [{{_certificate.CertPath}}]
                  clientAuth: {certPath: {{_certificate.CertPath}}, keyPath: {{_certificate.KeyPath}}}
                  protocols: [TLSv1.2, TLSv1.3]
            """);

        var tls = PolicyMapping.Transport(config.Routers[0].Client.Default).Tls!;

        Assert.Equal("web.test", tls.CommonName);
        Assert.Single(tls.TrustRoots);
        Assert.True(tls.ClientCertificate!.HasPrivateKey);
        Assert.Equal("https", PolicyMapping.Transport(config.Routers[0].Client.Default).Scheme);
    }

    [Fact]
    public void MissingCommonNameAndUnreadableTrustCertsAreErrorsNamingTheKey()
    {
        var loader = new MeshConfigLoader();
        var noName = Assert.Throws<MeshConfigException>(() => loader.Load("""
            routers:
            - protocol: http
              servers: [{port: 0}]
              client: {tls: {trustCerts: [/nowhere.pem]}}
            """));
        var config = loader.Load("""
            routers:
            - protocol: http
              servers: [{port: 0}]
              client: {tls: {commonName: web.test, trustCerts: [/nowhere/ca.pem]}}
            """);
        var missingFile = Assert.Throws<MeshConfigException>(() => Linker.Link(config));

        Assert.Contains("routers[0].client.tls.commonName", noName.Message);
        Assert.Contains("disableValidation", noName.Message);
        Assert.Contains("routers[0].client.tls.trustCerts", missingFile.Message);
        Assert.Contains("/nowhere/ca.pem", missingFile.Message);
    }

    [Fact]
    public async Task AStaticConfigsCommonNameTakesVariablesFromItsPrefix()
    {
        var config = new MeshConfigLoader().Load($$"""
            routers:
            - protocol: http
              servers: [{port: 0}]
              client:
                kind: io.l5d.static
                configs:
                - prefix: /#/io.l5d.fs/{service}
                  tls:
                    commonName: "{service}.test"
                    trustCerts: [{{_certificate.CertPath}}]
            """);
        var policy = PolicyMapping.Client(config.Routers[0].Client.Configs[0].Params, "client.configs[0]");
        await using var upstream = await Upstream.StartAsync(certificate: _certificate.Certificate);
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter()
                .Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(upstream.Address))
                .Bind("/svc/api", "/#/io.l5d.fs/api", new StaticAddressSet(upstream.Address)),
            r => r with { ClientPolicies = _ => policy });

        var web = await mesh.Client.GetAsync("http://web/"); // checked against web.test: the certificate's name
        var api = await mesh.Client.GetAsync("http://api/"); // checked against api.test

        Assert.Equal(HttpStatusCode.OK, web.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, api.StatusCode);
    }

    [Theory]
    [InlineData("/#/io.l5d.fs/{service}", "{service}.example.com", "/#/io.l5d.fs/web", "web.example.com")]
    [InlineData("/#/io.l5d.k8s/{ns}/http/{svc}", "{svc}.{ns}.svc", "/#/io.l5d.k8s/prod/http/world", "world.prod.svc")]
    [InlineData("/#/io.l5d.fs/*", "fixed.example.com", "/#/io.l5d.fs/web", "fixed.example.com")]
    public void CommonNameVariablesAreFilledFromTheBoundId(string prefix, string template, string id, string expected) =>
        Assert.Equal(expected, CommonNameTemplate.Resolve(template, prefix, id));

    [Theory]
    [InlineData("client: {tls: {commonName: \"{service}.test\"}}", "only an io.l5d.static config's prefix defines variables")]
    [InlineData("client: {kind: io.l5d.static, configs: [{prefix: \"/#/io.l5d.fs/{svc}\", tls: {commonName: \"{service}.test\"}}]}", "which the prefix '/#/io.l5d.fs/{svc}' does not define")]
    public void ACommonNameVariableThePrefixDoesNotDefineIsAnError(string client, string problem)
    {
        var error = Assert.Throws<MeshConfigException>(() => new MeshConfigLoader().Load($$"""
            routers:
            - protocol: http
              servers: [{port: 0}]
              {{client}}
            """));

        Assert.Contains("tls.commonName", error.Message);
        Assert.Contains(problem, error.Message);
    }
}

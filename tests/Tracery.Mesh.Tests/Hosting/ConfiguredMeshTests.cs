namespace Tracery.Mesh.Tests.Hosting;

using System.Net;
using System.Text.Json;
using Tracery.Mesh.Config;
using Tracery.Mesh.Hosting;
using Tracery.Mesh.Tests.Support;

/// <summary>A mesh started from Linkerd config text: the tutorial's shape with the io.l5d.fs namer.</summary>
public sealed class ConfiguredMeshTests : IDisposable
{
    private readonly string _disco = Directory.CreateTempSubdirectory("tracery-disco-").FullName;

    public void Dispose() => Directory.Delete(_disco, recursive: true);

    private string Config(string extra = "") => $$"""
        admin:
          ip: 127.0.0.1
          port: 0
        namers:
        - kind: io.l5d.fs
          rootDir: {{_disco}}
        telemetry:
        - kind: io.l5d.recentRequests
          sampleRate: 1.0
        routers:
        - protocol: http
          label: outgoing
          dtab: |
            /srv        => /#/io.l5d.fs;
            /host       => /srv;
            /svc        => /host;
            /host/world => /srv/world-v1;
          servers:
          - port: 0
            ip: 127.0.0.1
        {{extra}}
        """;

    private static HttpClient ProxyClient(MeshHost host) =>
        new(new SocketsHttpHandler { Proxy = new WebProxy($"http://{host.RouterEndpoints["outgoing"][0]}"), UseProxy = true });

    [Fact]
    public async Task RoutesThroughTheDtabAndFsNamerWithLinkerdBoundIds()
    {
        await using var world = await Upstream.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(_disco, "world-v1"), $"127.0.0.1 {world.Port}\n");
        await using var host = await MeshHost.StartAsync(new MeshConfigLoader().Load(Config()));
        using var client = ProxyClient(host);

        var response = await client.GetAsync("http://world/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(world.Received);
        Assert.Equal("/svc/world", seen.Headers["l5d-dst-service"]);
        Assert.Equal("/#/io.l5d.fs/world-v1", seen.Headers["l5d-dst-client"]);
    }

    [Fact]
    public async Task AdminServesConfigDelegatorAndRequests()
    {
        await using var world = await Upstream.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(_disco, "world-v1"), $"127.0.0.1 {world.Port}\n");
        await using var host = await MeshHost.StartAsync(new MeshConfigLoader().Load(Config()));
        using var client = ProxyClient(host);
        using var admin = new HttpClient { BaseAddress = new Uri($"http://{host.AdminEndpoint}") };
        (await client.GetAsync("http://world/")).EnsureSuccessStatusCode();

        var config = await admin.GetAsync("/config.json");
        var delegator = await admin.GetStringAsync("/delegator.json?path=/svc/world&namespace=outgoing");
        var badNamespace = await admin.GetAsync("/delegator.json?path=/svc/world&namespace=nope");
        using var requests = JsonDocument.Parse(await admin.GetStringAsync("/requests.json"));

        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        Assert.Contains("outgoing", await config.Content.ReadAsStringAsync());
        Assert.Contains("/#/io.l5d.fs/world-v1", delegator);
        Assert.Equal(HttpStatusCode.BadRequest, badNamespace.StatusCode);
        Assert.Contains("no router labelled 'nope'", await badNamespace.Content.ReadAsStringAsync());
        Assert.Equal("/svc/world", Assert.Single(requests.RootElement.EnumerateArray()).GetProperty("logicalName").GetString());
    }

    [Fact]
    public async Task BadDtabHeaderIs400AndOverridesRoute()
    {
        await using var v1 = await Upstream.StartAsync();
        await using var v2 = await Upstream.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(_disco, "world-v1"), $"127.0.0.1 {v1.Port}\n");
        await File.WriteAllTextAsync(Path.Combine(_disco, "world-v2"), $"127.0.0.1 {v2.Port}\n");
        await using var host = await MeshHost.StartAsync(new MeshConfigLoader().Load(Config()));
        using var client = ProxyClient(host);
        var bad = new HttpRequestMessage(HttpMethod.Get, "http://world/");
        bad.Headers.TryAddWithoutValidation("l5d-dtab", "/host/world => => nowhere");
        var overridden = new HttpRequestMessage(HttpMethod.Get, "http://world/");
        overridden.Headers.TryAddWithoutValidation("l5d-dtab", "/host/world => /srv/world-v2");

        var rejected = await client.SendAsync(bad);
        var routed = await client.SendAsync(overridden);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("Invalid l5d-dtab header", await rejected.Content.ReadAsStringAsync());
        Assert.True(rejected.Headers.Contains("l5d-err"));
        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
        Assert.Equal("/host/world=>/srv/world-v2", Assert.Single(v2.Received).Headers["l5d-ctx-dtab"].Replace(" ", ""));
        Assert.Empty(v1.Received);
    }

    [Fact]
    public async Task SuccessRateFailureAccrualStartsAndABadRateIsAnErrorNamingTheKey()
    {
        const string Accrual = """
              client:
                failureAccrual:
                  kind: io.l5d.successRateWindowed
                  successRate: RATE
                  window: 30
            """;
        await using var host = await MeshHost.StartAsync(new MeshConfigLoader().Load(Config(Accrual.Replace("RATE", "0.9"))));

        var error = Assert.Throws<MeshConfigException>(() => new MeshConfigLoader().Load(Config(Accrual.Replace("RATE", "1.5"))));

        Assert.NotNull(host.AdminEndpoint);
        Assert.Contains("routers[0].client.failureAccrual.successRate", error.Message);
        Assert.Contains("out of range", error.Message);
    }
}

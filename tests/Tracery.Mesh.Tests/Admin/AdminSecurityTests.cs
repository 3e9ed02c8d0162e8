namespace Tracery.Mesh.Tests.Admin;

using System.Net;
using Tracery.Mesh.Admin;
using Tracery.Mesh.Config;
using Tracery.Mesh.Hosting;

/// <summary><c>admin.security</c>: Linkerd's UI, control and diagnostics switches, path whitelist and blacklist.</summary>
public sealed class AdminSecurityTests
{
    private static async Task<(MeshHost Host, HttpClient Admin)> Start(string security)
    {
        var host = await MeshHost.StartAsync(new MeshConfigLoader().Load($$"""
            admin:
              port: 0
              security: {{security}}
            routers:
            - protocol: http
              servers: [{port: 0}]
            """));
        return (host, new HttpClient { BaseAddress = new Uri($"http://{host.AdminEndpoint}") });
    }

    private static async Task<Dictionary<string, HttpStatusCode>> Statuses(HttpClient admin, params string[] paths)
    {
        var statuses = new Dictionary<string, HttpStatusCode>();
        foreach (var path in paths)
        {
            statuses[path] = (await admin.GetAsync(path)).StatusCode;
        }
        return statuses;
    }

    [Fact]
    public async Task UiDisabledRefusesTheDashboardAndWhatItReadsOnly()
    {
        var (host, admin) = await Start("{uiEnabled: false}");
        await using var _ = host;
        using var __ = admin;

        var statuses = await Statuses(admin, "/", "/config.json", "/admin/metrics.json", "/delegator.json?path=/svc/x", "/admin/ping", "/client_state.json");

        Assert.Equal(HttpStatusCode.NotFound, statuses["/"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["/config.json"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["/admin/metrics.json"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["/delegator.json?path=/svc/x"]);
        Assert.Equal(HttpStatusCode.OK, statuses["/admin/ping"]);
        Assert.Equal(HttpStatusCode.OK, statuses["/client_state.json"]);
    }

    [Theory]
    [InlineData("/admin/shutdown")]
    [InlineData("/ADMIN/Shutdown")]
    [InlineData("/admin/shutdown/")]
    [InlineData("/admin/%73hutdown")]
    public async Task ControlDisabledRefusesShutdownHoweverItIsSpelled(string path)
    {
        var (host, admin) = await Start("{controlEnabled: false}");
        await using var _ = host;
        using var __ = admin;

        var shutdown = await admin.PostAsync(path, null);
        var ping = await admin.GetAsync("/admin/ping");

        Assert.Equal(HttpStatusCode.NotFound, shutdown.StatusCode);
        Assert.Equal(string.Empty, await shutdown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.False(host.Stopped.IsCompleted);
    }

    [Fact]
    public async Task DiagnosticsDisabledRefusesEveryOtherPath()
    {
        var (host, admin) = await Start("{diagnosticsEnabled: false}");
        await using var _ = host;
        using var __ = admin;

        var statuses = await Statuses(admin, "/admin/ping", "/admin", "/client_state.json", "/admin/metrics/prometheus", "/", "/admin/metrics.json");

        Assert.Equal(HttpStatusCode.NotFound, statuses["/admin/ping"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["/admin"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["/client_state.json"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["/admin/metrics/prometheus"]);
        Assert.Equal(HttpStatusCode.OK, statuses["/"]);
        Assert.Equal(HttpStatusCode.OK, statuses["/admin/metrics.json"]);
    }

    [Fact]
    public async Task TheWhitelistReopensPathsOfADisabledCategory()
    {
        var (host, admin) = await Start("{diagnosticsEnabled: false, uiEnabled: false, pathWhitelist: ['/admin/ping', '/admin/metrics[.]json']}");
        await using var _ = host;
        using var __ = admin;

        var statuses = await Statuses(admin, "/admin/ping", "/admin/metrics.json?q=rt/", "/admin/pin", "/client_state.json", "/");

        Assert.Equal(HttpStatusCode.OK, statuses["/admin/ping"]);
        Assert.Equal(HttpStatusCode.OK, statuses["/admin/metrics.json?q=rt/"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["/admin/pin"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["/client_state.json"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["/"]);
    }

    [Fact]
    public async Task TheBlacklistRefusesPathsOfAnyCategoryAndBeatsTheWhitelist()
    {
        var (host, admin) = await Start("{diagnosticsEnabled: false, pathWhitelist: ['/admin(/.*)?'], pathBlacklist: ['/admin/metrics.*', '/admin/ping']}");
        await using var _ = host;
        using var __ = admin;

        var statuses = await Statuses(admin, "/admin/metrics.json", "/admin/metrics/prometheus", "/admin/ping", "/admin", "/");

        Assert.Equal(HttpStatusCode.NotFound, statuses["/admin/metrics.json"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["/admin/metrics/prometheus"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["/admin/ping"]);
        Assert.Equal(HttpStatusCode.OK, statuses["/admin"]);
        Assert.Equal(HttpStatusCode.OK, statuses["/"]);
    }

    [Theory]
    [InlineData("/admin/ping", "/admin/ping", true)]
    [InlineData("/admin", "/admin/ping", false)]
    [InlineData("/admin/ping", "/admin/ping/x", false)]
    [InlineData("/admin/p|/admin/ping", "/admin/ping", true)]
    [InlineData("^/fooba[rz]$", "/foobaz", true)]
    public void APatternMustMatchTheWholePath(string pattern, string path, bool matches)
    {
        var security = new AdminSecurity(new AdminSecurityConfig(true, true, DiagnosticsEnabled: false, [pattern], []));

        Assert.Equal(matches, security.Allows(path));
    }

    [Theory]
    [InlineData("pathWhitelist", "['/ok', '/admin/[ping']", "admin.security.pathWhitelist[1]")]
    [InlineData("pathBlacklist", "['(/admin']", "admin.security.pathBlacklist[0]")]
    public void ABadPatternIsAnErrorNamingTheKeyAndLine(string key, string list, string keyPath)
    {
        var error = Assert.Throws<MeshConfigException>(() => new MeshConfigLoader().Load($$"""
            admin:
              security:
                uiEnabled: false
                {{key}}: {{list}}
            routers:
            - protocol: http
              servers: [{port: 0}]
            """));

        Assert.Equal(keyPath, error.KeyPath);
        Assert.Equal(4, error.Line);
        Assert.Contains("not a regular expression", error.Problem);
    }
}

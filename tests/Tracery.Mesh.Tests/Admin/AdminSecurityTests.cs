namespace Tracery.Mesh.Tests.Admin;

using System.Net;
using static System.Net.HttpStatusCode;
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

    /// <summary>Starts a mesh with <paramref name="security"/> and GETs each path, expecting its status.</summary>
    private static async Task AssertStatuses(string security, params (string Path, HttpStatusCode Status)[] expected)
    {
        var (host, admin) = await Start(security);
        await using var _ = host;
        using var __ = admin;
        var actual = new List<(string Path, HttpStatusCode Status)>();
        foreach (var (path, _) in expected)
        {
            actual.Add((path, (await admin.GetAsync(path)).StatusCode));
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public Task UiDisabledRefusesTheDashboardAndWhatItReadsOnly() => AssertStatuses(
        "{uiEnabled: false}",
        ("/", NotFound), ("/config.json", NotFound), ("/admin/metrics.json", NotFound), ("/delegator.json?path=/svc/x", NotFound),
        ("/admin/ping", OK), ("/client_state.json", OK));

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
    public Task DiagnosticsDisabledRefusesEveryOtherPath() => AssertStatuses(
        "{diagnosticsEnabled: false}",
        ("/admin/ping", NotFound), ("/admin", NotFound), ("/client_state.json", NotFound), ("/admin/metrics/prometheus", NotFound),
        ("/", OK), ("/admin/metrics.json", OK));

    [Fact]
    public Task TheWhitelistReopensPathsOfADisabledCategory() => AssertStatuses(
        "{diagnosticsEnabled: false, uiEnabled: false, pathWhitelist: ['/admin/ping', '/admin/metrics[.]json']}",
        ("/admin/ping", OK), ("/admin/metrics.json?q=rt/", OK),
        ("/admin/pin", NotFound), ("/client_state.json", NotFound), ("/", NotFound));

    [Fact]
    public Task TheBlacklistRefusesPathsOfEnabledCategories() => AssertStatuses(
        "{pathBlacklist: ['/admin/metrics.*', '/admin/ping']}",
        ("/admin/metrics.json", NotFound), ("/admin/metrics/prometheus", NotFound), ("/admin/ping", NotFound),
        ("/admin", OK), ("/", OK));

    [Fact]
    public Task AsInLinkerdTheWhitelistDecidesForADisabledCategoryAndTheBlacklistForAnEnabledOne() => AssertStatuses(
        "{diagnosticsEnabled: false, pathWhitelist: ['/admin(/.*)?', '/config[.]json'], pathBlacklist: ['/admin/ping', '/config[.]json']}",
        ("/admin/ping", OK), ("/admin/metrics/prometheus", OK), ("/client_state.json", NotFound),
        ("/config.json", NotFound), ("/", OK));

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

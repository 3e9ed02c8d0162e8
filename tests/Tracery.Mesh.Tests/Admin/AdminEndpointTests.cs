namespace Tracery.Mesh.Tests.Admin;

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Tracery.Mesh.Admin;
using Tracery.Mesh.Tests.Support;
using Tracery.Mesh.Tests.Tracing;
using Tracery.Mesh.Tracing;

public sealed class AdminEndpointTests
{
    /// <summary>A mesh on a fake clock that has served <paramref name="requests"/>; the clock then moves past the
    /// minute boundary, so histograms show those requests.</summary>
    private static async Task<(TestMesh Mesh, Upstream Upstream)> MeshWithTraffic(int requests, RecentRequestLog? recent = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 30, TimeSpan.Zero));
        var upstream = await Upstream.StartAsync();
        var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/hello", "/#/io.l5d.fs/hello", new StaticAddressSet(upstream.Address)),
            r => r with { Tracer = new RouterTracer(new RouterTracerOptions(SampleRate: 1.0), new CollectingSpanSink()) },
            recent,
            time);
        for (var i = 0; i < requests; i++)
        {
            (await mesh.Client.GetAsync("http://hello/")).EnsureSuccessStatusCode();
        }
        // The response can reach the client before the router records it; wait for the last scope it records.
        var server = $"rt/outgoing/server/127.0.0.1/{mesh.Router.Port}/requests";
        var service = "rt/outgoing/service/svc/hello/requests";
        await Eventually.Value(() => mesh.Host.Metrics.Counter(server).Value + mesh.Host.Metrics.Counter(service).Value, n => n == 2 * requests, 15_000);
        time.Advance(TimeSpan.FromSeconds(30));
        return (mesh, upstream);
    }

    [Fact]
    public async Task PingAnswersPong()
    {
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter());

        Assert.Equal("pong", await mesh.Admin.GetStringAsync("/admin/ping"));
    }

    [Fact]
    public async Task MetricsJsonUsesLinkerdNamesAndHistogramFields()
    {
        var (mesh, upstream) = await MeshWithTraffic(3);
        await using var _ = upstream;
        await using var __ = mesh;

        var json = await mesh.Admin.GetStringAsync("/admin/metrics.json");
        var metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(json)!;

        var server = $"rt/outgoing/server/127.0.0.1/{mesh.Router.Port}";
        Assert.Equal(3, metrics[$"{server}/requests"]);
        Assert.Equal(3, metrics[$"{server}/success"]);
        Assert.Equal(0, metrics[$"{server}/failures"]);
        Assert.Equal(3, metrics[$"{server}/request_latency_ms.count"]);
        Assert.True(metrics[$"{server}/request_latency_ms.p99"] >= metrics[$"{server}/request_latency_ms.p50"]);
        Assert.True(metrics[$"{server}/request_latency_ms.max"] > 0);
        Assert.Equal(3, metrics["rt/outgoing/client/#/io.l5d.fs/hello/requests"]);
        Assert.Equal(3, metrics["rt/outgoing/service/svc/hello/requests"]);
        Assert.Equal(3, metrics[$"{server}/status/200"]);
    }

    [Fact]
    public async Task MetricsJsonReportsTheRuntimeUnderLinkerdsJvmNames()
    {
        var (mesh, upstream) = await MeshWithTraffic(1);
        await using var _ = upstream;
        await using var __ = mesh;
        var before = GC.CollectionCount(0);
        GC.Collect(0); // the mesh runs in this process: one more collection it must count

        var metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(await mesh.Admin.GetStringAsync("/admin/metrics.json?q=jvm/"))!;

        Assert.True(metrics["jvm/gc/cycles"] > before, $"jvm/gc/cycles {metrics["jvm/gc/cycles"]} after {before} collections and one more");
        Assert.True(metrics["jvm/gc/msec"] >= 0);
        Assert.True(metrics["jvm/uptime"] > 0);
        Assert.True(metrics["jvm/heap/used"] > 0);
        Assert.True(metrics["jvm/mem/allocations"] > 0);
        Assert.Equal(Environment.ProcessorCount, metrics["jvm/num_cpus"]);
    }

    [Fact]
    public async Task MetricsJsonFiltersByPrefixAndNestsAsATree()
    {
        var (mesh, upstream) = await MeshWithTraffic(1);
        await using var _ = upstream;
        await using var __ = mesh;

        var filtered = JsonSerializer.Deserialize<Dictionary<string, double>>(await mesh.Admin.GetStringAsync("/admin/metrics.json?q=rt/outgoing/client/"))!;
        using var tree = JsonDocument.Parse(await mesh.Admin.GetStringAsync("/admin/metrics.json?tree=1"));

        Assert.NotEmpty(filtered);
        Assert.All(filtered.Keys, k => Assert.StartsWith("rt/outgoing/client/", k));
        Assert.Equal(1, tree.RootElement.GetProperty("rt").GetProperty("outgoing").GetProperty("service").GetProperty("svc").GetProperty("hello").GetProperty("requests").GetDouble());
    }

    [Fact]
    public async Task PrometheusPathLabelsScopes()
    {
        var (mesh, upstream) = await MeshWithTraffic(2);
        await using var _ = upstream;
        await using var __ = mesh;

        var text = await mesh.Admin.GetStringAsync("/admin/metrics/prometheus");

        Assert.Contains($"rt:server:requests{{rt=\"outgoing\",server=\"127.0.0.1/{mesh.Router.Port}\"}} 2\n", text);
        Assert.Contains("rt:client:requests{rt=\"outgoing\",client=\"#/io.l5d.fs/hello\"} 2\n", text);
        Assert.Contains("rt:service:request_latency_ms_count{rt=\"outgoing\",service=\"svc/hello\"} 2\n", text);
        Assert.Contains("quantile=\"0.99\"", text);
    }

    [Fact]
    public async Task ClientStateListsBoundClientsAndAddresses()
    {
        var (mesh, upstream) = await MeshWithTraffic(1);
        await using var _ = upstream;
        await using var __ = mesh;

        using var state = JsonDocument.Parse(await mesh.Admin.GetStringAsync("/client_state.json"));
        var client = state.RootElement.GetProperty("/#/io.l5d.fs/hello");

        Assert.Equal("bound", client.GetProperty("state").GetString());
        Assert.Equal($"127.0.0.1:{upstream.Port}", client.GetProperty("addresses")[0].GetString());
        Assert.Equal("alive", client.GetProperty("endpoints")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task RequestsListsRecentSampledRequests()
    {
        var log = new RecentRequestLog(5);
        var (mesh, upstream) = await MeshWithTraffic(2, log);
        await using var _ = upstream;
        await using var __ = mesh;

        await Eventually.Value(log.Snapshot, r => r.Count >= 2);
        using var json = JsonDocument.Parse(await mesh.Admin.GetStringAsync("/requests.json"));

        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal("/svc/hello", json.RootElement[0].GetProperty("logicalName").GetString());
        Assert.Equal(200, json.RootElement[0].GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task RequestsPageIsAnHtmlTableOfRecentRequestsNewestFirst()
    {
        var log = new RecentRequestLog(5);
        var (mesh, upstream) = await MeshWithTraffic(1, log);
        await using var _ = upstream;
        await using var __ = mesh;
        await mesh.Client.GetAsync("http://nobody/");
        await Eventually.Value(log.Snapshot, r => r.Count >= 2);

        var response = await mesh.Admin.GetAsync("/requests");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<th>Logical name</th>", html);
        Assert.Contains("<td>/svc/hello</td><td>/#/io.l5d.fs/hello</td><td class=\"num\">200</td>", html);
        Assert.Contains("<tr class=\"error\">", html); // the unroutable request: 502
        Assert.True(html.IndexOf("/svc/nobody", StringComparison.Ordinal) < html.IndexOf("/svc/hello", StringComparison.Ordinal));
        Assert.Contains("href=\"/requests.json\"", html);
    }

    [Fact]
    public void RequestsPageEncodesWhatClientsSent()
    {
        var request = new RecentRequest(DateTimeOffset.UnixEpoch, "outgoing", "127.0.0.1:5000", "GET", "http://x/<script>alert(1)</script>", null, null, null, 1.5);

        var html = RecentRequestsPage.Render([request], 10, 1.0);

        Assert.Contains("<td>http://x/&lt;script&gt;alert(1)&lt;/script&gt;</td>", html);
        Assert.Contains("<td class=\"num\">aborted</td>", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task DashboardAndIndexAreServed()
    {
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter());

        var dashboard = await mesh.Admin.GetStringAsync("/");
        var index = await mesh.Admin.GetStringAsync("/admin");

        Assert.Contains("/admin/metrics.json", dashboard);
        Assert.Contains("requests/s", dashboard);
        Assert.DoesNotContain("https://", dashboard); // no CDN
        Assert.Contains("/client_state.json", index);
    }

    [Fact]
    public async Task ConfigAndDelegatorSayWhenTheyAreNotWired()
    {
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter());

        Assert.Equal(HttpStatusCode.NotFound, (await mesh.Admin.GetAsync("/config.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mesh.Admin.GetAsync("/delegator.json?path=/svc/x")).StatusCode);
    }

    [Fact]
    public async Task ShutdownStopsTheHost()
    {
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await mesh.Admin.GetAsync("/admin/shutdown")).StatusCode);
        var response = await mesh.Admin.PostAsync("/admin/shutdown", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await mesh.Host.Stopped.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

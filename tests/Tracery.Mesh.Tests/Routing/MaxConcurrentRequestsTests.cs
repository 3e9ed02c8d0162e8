namespace Tracery.Mesh.Tests.Routing;

using System.Net;
using System.Text.Json;
using Tracery.Mesh.Config;
using Tracery.Mesh.Hosting;
using Tracery.Mesh.Routing;
using Tracery.Mesh.Tests.Support;

/// <summary><c>servers[].maxConcurrentRequests</c>: requests beyond the limit are refused at once, the rest are untouched.</summary>
public sealed class MaxConcurrentRequestsTests
{
    [Fact]
    public async Task RequestsBeyondTheLimitAreRefusedWith503AndCounted()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await Upstream.StartAsync(Upstream.Holding(release.Task));
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(upstream.Address)),
            r => r with { Servers = [new ServerDefinition(new IPEndPoint(IPAddress.Loopback, 0)) { MaxConcurrentRequests = 2 }] });

        var held = new[] { mesh.Client.GetAsync("http://web/"), mesh.Client.GetAsync("http://web/") };
        await Eventually.Value(() => upstream.Received.Count, n => n == 2, 15_000);
        var refused = await mesh.Client.GetAsync("http://web/");
        release.SetResult();
        var admitted = await Task.WhenAll(held);
        var after = await mesh.Client.GetAsync("http://web/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.StartsWith("Max+waiters+exceeded", refused.Headers.GetValues("l5d-err").Single());
        Assert.Equal("true", refused.Headers.GetValues("l5d-retryable").Single());
        Assert.Contains("maxConcurrentRequests 2", await refused.Content.ReadAsStringAsync());
        Assert.All(admitted, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(3, upstream.Received.Count);

        var server = $"rt/outgoing/server/127.0.0.1/{mesh.Router.Port}";
        // The last response can reach the client before the router has recorded it and left the limit.
        await Eventually.Value(
            () => mesh.Host.Metrics.Flatten(server).ToDictionary(),
            m => m[$"{server}/requests"] == 4 && m[$"{server}/request_concurrency"] == 0,
            15_000);
        var metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(await mesh.Admin.GetStringAsync("/admin/metrics.json"))!;
        Assert.Equal(1, metrics[$"{server}/dropped_requests"]);
        Assert.Equal(1, metrics[$"{server}/status/503"]);
        Assert.Equal(4, metrics[$"{server}/requests"]);
        Assert.Equal(0, metrics[$"{server}/request_concurrency"]);
    }

    [Fact]
    public async Task TheLimitIsReadFromTheServerEntry()
    {
        var config = new MeshConfigLoader().Load("""
            routers:
            - protocol: http
              servers:
              - port: 0
                maxConcurrentRequests: 7
            """);
        await using var linker = Linker.Link(config);

        Assert.Equal(7, Assert.Single(Assert.Single(linker.Options.Routers).Servers).MaxConcurrentRequests);
    }

    [Fact]
    public void TheCountNeverStaysAboveTheLimit()
    {
        var limit = new ConcurrencyLimit(3);
        var admitted = Enumerable.Range(0, 5).Count(_ => limit.TryEnter());
        limit.Exit();

        Assert.Equal(3, admitted);
        Assert.Equal(2, limit.InFlight);
        Assert.True(limit.TryEnter());
    }
}

namespace Tracery.Mesh.Tests.Transport;

using System.Net;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Balancing;
using Tracery.Mesh.Config;
using Tracery.Mesh.Config.Routing;
using Tracery.Mesh.Hosting;
using Tracery.Mesh.Tests.Support;
using Tracery.Mesh.Transport;

/// <summary><c>client.hostConnectionPool</c>: connections per endpoint, and failing fast beyond <c>maxWaiters</c>.</summary>
public sealed class HostConnectionPoolTests
{
    private static ClientPolicy Pool(int maxSize, int? maxWaiters = null) =>
        ClientPolicy.Default with { Transport = new UpstreamTransport { MaxConnections = maxSize, MaxWaiters = maxWaiters } };

    [Fact]
    public async Task MaxSizeOneQueuesRequestsInsteadOfSendingThemInParallel()
    {
        var inFlight = 0;
        var mostInFlight = 0;
        await using var upstream = await Upstream.StartAsync(async context =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            await Task.Delay(150);
            Interlocked.Decrement(ref inFlight);
            await context.Response.WriteAsync("slow");
        });
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(upstream.Address)),
            r => r with { ClientPolicies = _ => Pool(maxSize: 1) });

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => mesh.Client.GetAsync("http://web/")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(4, upstream.Received.Count);
        Assert.Equal(1, mostInFlight);
    }

    [Fact]
    public async Task WithoutAPoolLimitTheSameRequestsRunInParallel()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await Upstream.StartAsync(Upstream.Holding(release.Task));
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(upstream.Address)));

        var sent = Enumerable.Range(0, 3).Select(_ => mesh.Client.GetAsync("http://web/")).ToList();
        var together = await Eventually.Value(() => upstream.Received.Count, n => n == 3, 15_000);
        release.SetResult();
        await Task.WhenAll(sent);

        Assert.Equal(3, together);
    }

    [Fact]
    public async Task BeyondMaxWaitersARequestFailsAtOnceWith502()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var upstream = await Upstream.StartAsync(Upstream.Holding(release.Task));
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(upstream.Address)),
            r => r with { ClientPolicies = _ => Pool(maxSize: 1, maxWaiters: 1) });

        var using1 = mesh.Client.GetAsync("http://web/");
        var waiting = mesh.Client.GetAsync("http://web/");
        await Eventually.Value(Outstanding(mesh), n => n == 2, 15_000);
        var refused = await mesh.Client.GetAsync("http://web/");
        release.SetResult();

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.StartsWith("Too+many+waiters", refused.Headers.GetValues("l5d-err").Single());
        Assert.Contains("maxWaiters 1", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await using1).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
        Assert.Equal(2, upstream.Received.Count);
    }

    [Fact]
    public void ConfigMapsToTheTransport()
    {
        var config = new MeshConfigLoader().Load("""
            routers:
            - protocol: http
              servers: [{port: 0}]
              client:
                hostConnectionPool: {minSize: 0, maxSize: 4, idleTimeMs: 2500, maxWaiters: 8}
                clientSession: {lifeTimeMs: 60000}
            """);

        var transport = PolicyMapping.Transport(config.Routers[0].Client.Default);
        using var handler = UpstreamInvokers.Handler(transport);

        Assert.Equal(12, transport.MaxOutstandingPerEndpoint);
        Assert.Equal(4, handler.MaxConnectionsPerServer);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), handler.PooledConnectionIdleTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), handler.PooledConnectionLifetime);
        Assert.Same(UpstreamTransport.Default, PolicyMapping.Transport(ClientParams.Default));
    }

    private static Func<int> Outstanding(TestMesh mesh) =>
        () => mesh.Host.Routers[0].Clients.Clients.SelectMany(c => c.Endpoints).Sum(e => e.Outstanding);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

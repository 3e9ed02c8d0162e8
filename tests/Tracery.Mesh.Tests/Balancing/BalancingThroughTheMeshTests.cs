namespace Tracery.Mesh.Tests.Balancing;

using System.Net;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Balancing;
using Tracery.Mesh.Tests.Support;

public sealed class BalancingThroughTheMeshTests
{
    [Fact]
    public async Task RequestsSpreadOverAllEndpoints()
    {
        await using var a = await Upstream.StartAsync();
        await using var b = await Upstream.StartAsync();
        await using var c = await Upstream.StartAsync();
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(a.Address, b.Address, c.Address)));

        for (var i = 0; i < 150; i++)
        {
            (await mesh.Client.GetAsync("http://web/")).EnsureSuccessStatusCode();
        }

        Assert.All(new[] { a, b, c }, u => Assert.InRange(u.Received.Count, 20, 110));
    }

    [Fact]
    public async Task FailureAccrualStopsSendingToAFailingEndpoint()
    {
        await using var good = await Upstream.StartAsync();
        await using var bad = await Upstream.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(good.Address, bad.Address)));

        for (var i = 0; i < 60; i++)
        {
            await mesh.Client.GetAsync("http://web/");
        }

        // Five consecutive failures mark it dead for at least 5 s, longer than this test runs.
        Assert.Equal(5, bad.Received.Count);
        Assert.Equal(55, good.Received.Count);
        var state = await mesh.Admin.GetStringAsync("/client_state.json");
        Assert.Contains("\"dead\"", state);
    }

    [Fact]
    public async Task PeakEwmaSteersAwayFromAStallingEndpoint()
    {
        await using var fast = await Upstream.StartAsync();
        // The stall is long so that a loaded machine's occasional slow answer from the fast endpoint
        // (a GC pause, a cold path) can never look worse than it.
        await using var slow = await Upstream.StartAsync(async context =>
        {
            await Task.Delay(1000);
            await context.Response.WriteAsync("slow");
        });
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(fast.Address, slow.Address)),
            r => r with { ClientPolicies = _ => ClientPolicy.Default with { LoadBalancer = "ewma" } });

        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await mesh.Client.GetAsync("http://web/")).StatusCode);
        }

        Assert.InRange(slow.Received.Count, 1, 4);
    }

    [Fact]
    public async Task AddressSetChangesTakeEffectWithoutRestart()
    {
        await using var first = await Upstream.StartAsync();
        await using var second = await Upstream.StartAsync();
        var addresses = new StaticAddressSet(first.Address);
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", addresses));
        (await mesh.Client.GetAsync("http://web/")).EnsureSuccessStatusCode();

        addresses.Set(second.Address);
        (await mesh.Client.GetAsync("http://web/")).EnsureSuccessStatusCode();

        Assert.Single(first.Received);
        Assert.Single(second.Received);
    }
}

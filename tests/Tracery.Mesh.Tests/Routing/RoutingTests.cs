namespace Tracery.Mesh.Tests.Routing;

using System.Net;
using Tracery.Mesh.Tests.Support;

public sealed class RoutingTests
{
    [Fact]
    public async Task ProxyStyleRequestReachesTheBoundUpstreamWithHostAndLinkerdHeaders()
    {
        await using var upstream = await Upstream.StartAsync();
        var interpreter = new TableInterpreter().Bind("/svc/hello", "/#/io.l5d.fs/hello", new StaticAddressSet(upstream.Address), residual: "/extra");
        await using var mesh = await TestMesh.StartAsync(interpreter);

        var response = await mesh.Client.GetAsync("http://hello/greet?x=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"hello from {upstream.Port}", await response.Content.ReadAsStringAsync());
        var seen = Assert.Single(upstream.Received);
        Assert.Equal("/greet?x=1", seen.PathAndQuery);
        Assert.Equal("hello", seen.Headers["Host"]);
        Assert.Equal("/svc/hello", seen.Headers["l5d-dst-service"]);
        Assert.Equal("/#/io.l5d.fs/hello", seen.Headers["l5d-dst-client"]);
        Assert.Equal("/extra", seen.Headers["l5d-dst-residual"]);
        Assert.Matches("^[0-9a-f]{16}$", seen.Headers["l5d-reqid"]);
        Assert.Equal("1.1 linkerd", seen.Headers["Via"]);
        Assert.False(seen.Headers.ContainsKey("Proxy-Connection"));
        Assert.Equal("1.0", response.Headers.GetValues("l5d-success-class").Single());
        Assert.Contains("1.1 linkerd", response.Headers.Via.ToString());
    }

    [Fact]
    public async Task ResidualHeaderIsAbsentWhenTheNamerConsumedThePath()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/hello", "/#/io.l5d.fs/hello", new StaticAddressSet(upstream.Address)));

        (await mesh.Client.GetAsync("http://hello/")).EnsureSuccessStatusCode();

        Assert.False(Assert.Single(upstream.Received).Headers.ContainsKey("l5d-dst-residual"));
    }

    [Fact]
    public async Task RequestAndResponseBodiesStreamThrough()
    {
        await using var upstream = await Upstream.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 32; i++)
            {
                Array.Fill(chunk, (byte)i);
                await context.Response.Body.WriteAsync(chunk);
            }
        });
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/big", "/#/io.l5d.fs/big", new StaticAddressSet(upstream.Address)));
        var payload = new string('x', 300_000);

        var response = await mesh.Client.PostAsync("http://big/upload", new StringContent(payload));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(payload, Assert.Single(upstream.Received).Body);
        Assert.Equal(32 * 64 * 1024, bytes.Length);
        Assert.Equal(31, bytes[^1]);
    }

    [Fact]
    public async Task ViaEntriesAccumulateAcrossTwoRouters()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var incoming = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/hello", "/#/io.l5d.fs/hello", new StaticAddressSet(upstream.Address)));
        var incomingAddress = new Tracery.Mesh.Naming.Address("127.0.0.1", incoming.Router.Port);
        await using var outgoing = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/hello", "/%/io.l5d.port/incoming/#/io.l5d.fs/hello", new StaticAddressSet(incomingAddress)));

        var response = await outgoing.Client.GetAsync("http://hello/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1.1 linkerd, 1.1 linkerd", Assert.Single(upstream.Received).Headers["Via"]);
    }

    [Fact]
    public async Task BoundNamesAreCachedButNegativeOnesAreNot()
    {
        await using var upstream = await Upstream.StartAsync();
        var interpreter = new TableInterpreter().Bind("/svc/hello", "/#/io.l5d.fs/hello", new StaticAddressSet(upstream.Address));
        await using var mesh = await TestMesh.StartAsync(interpreter);

        for (var i = 0; i < 5; i++)
        {
            (await mesh.Client.GetAsync("http://hello/")).EnsureSuccessStatusCode();
        }
        var afterBound = interpreter.Resolutions;
        await mesh.Client.GetAsync("http://nobody/");
        interpreter.Bind("/svc/nobody", "/#/io.l5d.fs/nobody", new StaticAddressSet(upstream.Address));
        var routed = await mesh.Client.GetAsync("http://nobody/");

        Assert.InRange(afterBound, 1, 4); // entries live a second: fewer resolutions than requests even on a slow machine
        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
    }
}

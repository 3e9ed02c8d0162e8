namespace Tracery.Mesh.Tests.Routing;

using System.Net;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Balancing;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Tests.Support;

/// <summary>Each error of §4.13: its status, an <c>l5d-err</c> header and a body that says what failed.</summary>
public sealed class ErrorResponseTests
{
    [Fact]
    public async Task RequestWithoutHostIsUnidentified400()
    {
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter());

        var response = await RawHttp.SendAsync(mesh.Router, "GET /where HTTP/1.0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400", response);
        Assert.Contains("l5d-err: Unknown+destination", response);
        Assert.Contains("Host header is absent", response);
        Assert.Contains("GET /where", response);
    }

    [Fact]
    public async Task TooManyViaEntriesIsACallDepthLoop400()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/hello", "/#/io.l5d.fs/hello", new StaticAddressSet(upstream.Address)),
            r => r with { MaxCallDepth = 2 });
        var looped = new HttpRequestMessage(HttpMethod.Get, "http://hello/");
        looped.Headers.TryAddWithoutValidation("Via", "1.1 linkerd, 1.1 linkerd, 1.1 linkerd");
        var ok = new HttpRequestMessage(HttpMethod.Get, "http://hello/");
        ok.Headers.TryAddWithoutValidation("Via", "1.1 linkerd, 1.1 linkerd");

        var rejected = await mesh.Client.SendAsync(looped);
        var accepted = await mesh.Client.SendAsync(ok);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("Maximum number of calls (2) has been exceeded", await rejected.Content.ReadAsStringAsync());
        Assert.True(rejected.Headers.Contains("l5d-err"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(upstream.Received);
    }

    [Fact]
    public async Task NegativeResolutionIsNoRoute502()
    {
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter());

        var response = await mesh.Client.GetAsync("http://nobody/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("Unable to route request!", body);
        Assert.Contains("service name: /svc/nobody", body);
        Assert.StartsWith("Unable+to+route+request", response.Headers.GetValues("l5d-err").Single());
    }

    [Fact]
    public async Task EmptyAddressSetIs502()
    {
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/empty", "/#/io.l5d.fs/empty", new StaticAddressSet()));

        var response = await mesh.Client.GetAsync("http://empty/");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("No hosts are available for /svc/empty", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains("l5d-err"));
    }

    [Fact]
    public async Task ConnectionRefusedIsRetryable502()
    {
        var closed = new Address("127.0.0.1", RawHttp.ClosedPort());
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/down", "/#/io.l5d.fs/down", new StaticAddressSet(closed)));

        var response = await mesh.Client.GetAsync("http://down/");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains($"Unable to connect to {closed}", await response.Content.ReadAsStringAsync());
        Assert.Equal("true", response.Headers.GetValues("l5d-retryable").Single());
        Assert.Contains("Unable+to+connect", response.Headers.GetValues("l5d-err").Single());
    }

    [Fact]
    public async Task StalledUpstreamPastRequestAttemptTimeoutIs503()
    {
        await using var upstream = await Upstream.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/slow", "/#/io.l5d.fs/slow", new StaticAddressSet(upstream.Address)),
            r => r with { ClientPolicies = _ => ClientPolicy.Default with { RequestAttemptTimeout = TimeSpan.FromMilliseconds(200) } });

        var response = await mesh.Client.GetAsync("http://slow/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("requestAttemptTimeoutMs 200 exceeded", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains("l5d-err"));
    }

    [Fact]
    public async Task StalledUpstreamPastTotalTimeoutIs503()
    {
        await using var upstream = await Upstream.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/slow", "/#/io.l5d.fs/slow", new StaticAddressSet(upstream.Address)),
            r => r with { ServicePolicies = _ => ServicePolicy.Default with { TotalTimeout = TimeSpan.FromMilliseconds(300) } });

        var response = await mesh.Client.GetAsync("http://slow/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("totalTimeoutMs 300 exceeded", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SlowBindingPastBindingTimeoutIs503()
    {
        var interpreter = new TableInterpreter { Delay = () => Task.Delay(Timeout.Infinite) };
        await using var mesh = await TestMesh.StartAsync(interpreter, r => r with { BindingTimeout = TimeSpan.FromMilliseconds(200) });

        var response = await mesh.Client.GetAsync("http://hello/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("bindingTimeoutMs 200 exceeded", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains("l5d-err"));
    }

    [Fact]
    public async Task ApplicationServerErrorPassesThroughUntouched()
    {
        await using var upstream = await Upstream.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            context.Response.Headers["X-App"] = "mine";
            await context.Response.WriteAsync("the app broke");
        });
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/app", "/#/io.l5d.fs/app", new StaticAddressSet(upstream.Address)));

        var response = await mesh.Client.GetAsync("http://app/");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("the app broke", await response.Content.ReadAsStringAsync());
        Assert.Equal("mine", response.Headers.GetValues("X-App").Single());
        Assert.False(response.Headers.Contains("l5d-err"));
        Assert.Equal("0.0", response.Headers.GetValues("l5d-success-class").Single());
        Assert.Single(upstream.Received);
    }
}

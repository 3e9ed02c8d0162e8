namespace Tracery.Server.Tests.Ui;

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tracery.Server.Ui;

/// <summary>The UI's endpoints on a real Kestrel socket: headers, revalidation and the SPA fallback.</summary>
public sealed class UiEndpointsTests : IAsyncLifetime
{
    private WebApplication? app;
    private HttpClient client = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        app = builder.Build();
        app.MapGet("/api/v2/services", () => Results.Json(new[] { "a" }));
        app.MapTraceUi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Theory]
    [InlineData("/?serviceName=0.0.0.0%2F4140", "<base href=\"/\">")]
    [InlineData("/zipkin/?serviceName=hello", "<base href=\"/zipkin/\">")]
    [InlineData("/zipkin/traces/1e223ff1f80f1c69", "<base href=\"/zipkin/\">")]
    [InlineData("/zipkin/dependency", "<base href=\"/zipkin/\">")]
    public async Task PagesAreHtmlThatIsRevalidated(string path, string baseTag)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        Assert.Contains(baseTag, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnchangedAssetIsA304()
    {
        using var first = await client.GetAsync("/zipkin/js/app.js");
        Assert.Equal("text/javascript; charset=utf-8", first.Content.Headers.ContentType!.ToString());
        var etag = first.Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/zipkin/js/app.js");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task ApiRoutesWinOverTheFallbackAndUnknownApiPathsAre404()
    {
        Assert.Equal("[\"a\"]", await client.GetStringAsync("/api/v2/services"));
        using var missing = await client.GetAsync("/api/v2/nothing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ZipkinWithoutSlashRedirectsKeepingTheQuery()
    {
        using var response = await client.GetAsync("/zipkin?serviceName=hello");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/zipkin/?serviceName=hello", response.Headers.Location!.ToString());
    }
}

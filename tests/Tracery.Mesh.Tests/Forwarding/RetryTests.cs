namespace Tracery.Mesh.Tests.Forwarding;

using System.Net;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Classification;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Tests.Support;

public sealed class RetryTests
{
    private static Task<Upstream> FailingFirst(int failures, int status = 503)
    {
        var calls = 0;
        return Upstream.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) <= failures)
            {
                context.Response.StatusCode = status;
                await context.Response.WriteAsync("not yet");
                return;
            }
            await context.Response.WriteAsync("finally");
        });
    }

    private static Func<Tracery.Mesh.Routing.RouterDefinition, Tracery.Mesh.Routing.RouterDefinition> Service(ServicePolicy policy) =>
        r => r with { ServicePolicies = _ => policy };

    [Fact]
    public async Task RetryableRead5xxRetriesAGetUntilItSucceeds()
    {
        await using var upstream = await FailingFirst(2);
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/flaky", "/#/io.l5d.fs/flaky", new StaticAddressSet(upstream.Address)),
            Service(ServicePolicy.Default with { Classifier = Http5xxClassifier.RetryableRead }));

        var response = await mesh.Client.GetAsync("http://flaky/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("finally", await response.Content.ReadAsStringAsync());
        Assert.Equal("1.0", response.Headers.GetValues("l5d-success-class").Single());
        Assert.Equal(3, upstream.Received.Count);
        Assert.Equal(2, mesh.Host.Metrics.Counter("rt/outgoing/service/svc/flaky/retries/total").Value);
    }

    [Fact]
    public async Task DefaultClassifierNeverRetriesA5xx()
    {
        await using var upstream = await FailingFirst(1);
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/flaky", "/#/io.l5d.fs/flaky", new StaticAddressSet(upstream.Address)));

        var response = await mesh.Client.GetAsync("http://flaky/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("not yet", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("l5d-err"));
        Assert.Single(upstream.Received);
    }

    [Fact]
    public async Task UpstreamRetryableHeaderMakesAFailureRetryable()
    {
        var calls = 0;
        await using var upstream = await Upstream.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 502;
                context.Response.Headers["l5d-retryable"] = "true";
                return;
            }
            await context.Response.WriteAsync("second time");
        });
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/next", "/#/io.l5d.fs/next", new StaticAddressSet(upstream.Address)));

        var response = await mesh.Client.PostAsync("http://next/", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, upstream.Received.Count);
    }

    [Fact]
    public async Task RequestsWithABodyAreNotRetried()
    {
        await using var upstream = await FailingFirst(1);
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/flaky", "/#/io.l5d.fs/flaky", new StaticAddressSet(upstream.Address)),
            Service(ServicePolicy.Default with { Classifier = Http5xxClassifier.RetryableAll }));

        var response = await mesh.Client.PostAsync("http://flaky/", new StringContent("payload"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("true", response.Headers.GetValues("l5d-retryable").Single());
        Assert.Single(upstream.Received);
    }

    [Fact]
    public async Task RetryBudgetCapsRetriesAtItsShareOfRequests()
    {
        await using var upstream = await FailingFirst(int.MaxValue);
        var budget = new RetryBudgetOptions(PercentCanRetry: 0.5, MinRetriesPerSec: 0, TtlSecs: 60);
        await using var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/down", "/#/io.l5d.fs/down", new StaticAddressSet(upstream.Address)),
            r => r with
            {
                ServicePolicies = _ => ServicePolicy.Default with { Classifier = Http5xxClassifier.RetryableRead, RetryBudget = budget },
                ClientPolicies = _ => Tracery.Mesh.Balancing.ClientPolicy.Default with { ConsecutiveFailures = 0 },
            });

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await mesh.Client.GetAsync("http://down/")).StatusCode);
        }

        // 10 requests, each adding half a retry to the budget: exactly 5 retries, never more.
        Assert.Equal(15, upstream.Received.Count);
        Assert.Equal(5, mesh.Host.Metrics.Counter("rt/outgoing/service/svc/down/retries/total").Value);
        Assert.Equal(10, mesh.Host.Metrics.Counter("rt/outgoing/service/svc/down/retries/budget_exhausted").Value);
    }

    [Fact]
    public async Task ConnectionFailuresAreRetriedOnAnotherEndpoint()
    {
        await using var upstream = await Upstream.StartAsync();
        var closed = new Address("127.0.0.1", RawHttp.ClosedPort());
        await using var mesh = await TestMesh.StartAsync(new TableInterpreter().Bind("/svc/half", "/#/io.l5d.fs/half", new StaticAddressSet(closed, upstream.Address)));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await mesh.Client.GetAsync("http://half/")).StatusCode);
        }
        Assert.Equal(20, upstream.Received.Count);
    }
}

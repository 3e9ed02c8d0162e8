namespace Tracery.Cli.Tests.Samples;

using System.Diagnostics;
using System.Net;
using HelloWorld;

public sealed class SampleHostTests
{
    private static readonly HttpClient Client = new();

    private static SampleOptions Local(SampleOptions options) => options with { BindAddress = IPAddress.Loopback, Port = 0 };

    [Fact]
    public async Task WorldAnswersItsTextAndPodIp()
    {
        await using var world = await SampleHost.StartAsync(Local(SampleOptions.World("10.0.0.3", "planet")));
        Assert.Equal("planet (10.0.0.3)!", await Client.GetStringAsync(world.Address));
    }

    [Fact]
    public async Task HelloCallsWorldThroughTheProxyForwardingEveryContextHeader()
    {
        await using var world = await SampleHost.StartAsync(Local(SampleOptions.World("10.0.0.3")));
        await using var proxy = await RecordingProxy.StartAsync(world.Address);
        await using var hello = await SampleHost.StartAsync(Local(SampleOptions.Hello("10.0.0.2", proxy.Address)));
        string[] context =
        [
            "l5d-ctx-trace", "l5d-ctx-deadline", "l5d-ctx-dtab", "l5d-dtab", "dtab-local", "x-b3-traceid", "x-b3-spanid",
            "x-b3-parentspanid", "x-b3-sampled", "x-b3-flags", "b3", "traceparent", "tracestate",
        ];
        using var request = new HttpRequestMessage(HttpMethod.Get, hello.Address);
        foreach (var name in context)
        {
            request.Headers.TryAddWithoutValidation(name, "value-of-" + name);
        }
        request.Headers.TryAddWithoutValidation("x-not-context", "private");

        using var response = await Client.SendAsync(request);

        Assert.Equal("Hello (10.0.0.2) world (10.0.0.3)!", await response.Content.ReadAsStringAsync());
        var (host, headers) = Assert.Single(proxy.Received);
        Assert.Equal("world", host);
        Assert.All(context, name => Assert.Equal("value-of-" + name, headers[name].ToString()));
        Assert.False(headers.ContainsKey("x-not-context"));
    }

    [Fact]
    public async Task HelloAnswers503WhenWorldFails()
    {
        await using var world = await SampleHost.StartAsync(Local(SampleOptions.World("10.0.0.3")) with { FailureRate = 1.0 });
        await using var proxy = await RecordingProxy.StartAsync(world.Address);
        await using var hello = await SampleHost.StartAsync(Local(SampleOptions.Hello("10.0.0.2", proxy.Address)));

        using var response = await Client.GetAsync(hello.Address);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("invalid response 500", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HelloAnswers503WhenTheProxyIsUnreachable()
    {
        await using var hello = await SampleHost.StartAsync(Local(SampleOptions.Hello("10.0.0.2", new Uri("http://127.0.0.1:1"))));

        using var response = await Client.GetAsync(hello.Address);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LatencySetAtRunTimeDelaysTheAnswer()
    {
        await using var world = await SampleHost.StartAsync(Local(SampleOptions.World("10.0.0.3")));

        using var set = await Client.PostAsync(new Uri(world.Address, "/setLatency?latency=300ms"), null);
        var stopwatch = Stopwatch.StartNew();
        await Client.GetStringAsync(world.Address);

        Assert.Equal("ok", await set.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromMilliseconds(300), world.Behaviour.Latency);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task FailureRateSetAtRunTimeFailsRequests()
    {
        await using var world = await SampleHost.StartAsync(Local(SampleOptions.World("10.0.0.3")));

        using var set = await Client.PostAsync(new Uri(world.Address, "/setFailureRate?failureRate=1.0"), null);
        using var response = await Client.GetAsync(world.Address);

        Assert.Equal("ok", await set.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/setLatency", HttpStatusCode.BadRequest, "missing required parameter: latency")]
    [InlineData("POST", "/setLatency?latency=soon", HttpStatusCode.BadRequest, "latency is not a valid duration")]
    [InlineData("GET", "/setLatency?latency=1s", HttpStatusCode.MethodNotAllowed, "POST required")]
    [InlineData("POST", "/setFailureRate", HttpStatusCode.BadRequest, "missing required parameter: failureRate")]
    [InlineData("POST", "/setFailureRate?failureRate=half", HttpStatusCode.BadRequest, "failureRate is not a valid float")]
    [InlineData("POST", "/setFailureRate?failureRate=1.5", HttpStatusCode.BadRequest, "failureRate must be between 0.0 and 1.0")]
    [InlineData("GET", "/setFailureRate?failureRate=0.5", HttpStatusCode.MethodNotAllowed, "POST required")]
    public async Task BadBehaviourChangesAreRefusedWithTheReason(string method, string path, HttpStatusCode status, string message)
    {
        await using var world = await SampleHost.StartAsync(Local(SampleOptions.World("10.0.0.3")));

        using var response = await Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(world.Address, path)));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.Zero, world.Behaviour.Latency);
        Assert.Equal(0.0, world.Behaviour.FailureRate);
    }
}

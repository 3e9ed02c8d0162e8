namespace HelloWorld;

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>A running hello or world app, started in-process on its own Kestrel listener.</summary>
public sealed class SampleHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient client;

    private SampleHost(WebApplication app, HttpClient client, SampleBehaviour behaviour, Uri address)
    {
        this.app = app;
        this.client = client;
        Behaviour = behaviour;
        Address = address;
    }

    /// <summary>The bound address, with the real port when <see cref="SampleOptions.Port"/> was 0.</summary>
    public Uri Address { get; }

    public SampleBehaviour Behaviour { get; }

    /// <summary>Starts listening; a port in use surfaces as the <see cref="IOException"/> Kestrel throws.</summary>
    public static async Task<SampleHost> StartAsync(SampleOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.BindAddress, options.Port));
        var app = builder.Build();
        var behaviour = new SampleBehaviour(options.Latency, options.FailureRate);
        var client = CreateClient(options.Proxy);
        var answer = new AnswerEndpoint(options, behaviour, client);
        BehaviourEndpoints.Map(app, behaviour);
        app.Map("/", (Delegate)answer.AnswerAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            client.Dispose();
            await app.DisposeAsync();
            throw;
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SampleHost(app, client, behaviour, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        client.Dispose();
    }

    // Only the proxy named in the options is used: the environment's http_proxy is read by the
    // command line, so an in-process app never picks up a proxy meant for someone else.
    private static HttpClient CreateClient(Uri? proxy) =>
        new(new SocketsHttpHandler
        {
            Proxy = proxy is null ? null : new WebProxy(proxy),
            UseProxy = proxy is not null,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        })
        {
            Timeout = TimeSpan.FromSeconds(11),
        };
}

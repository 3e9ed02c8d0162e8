namespace Tracery.Mesh.Tests.Support;

using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tracery.Mesh.Naming;

/// <summary>A real Kestrel service on 127.0.0.1 (or another loopback IP) and an OS-picked port; records the requests it receives.</summary>
public sealed class Upstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly IPAddress _ip;

    private Upstream(WebApplication app, IPAddress ip)
    {
        _app = app;
        _ip = ip;
    }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public int Port { get; private set; }

    public Address Address => new(_ip.ToString(), Port);

    /// <summary>Starts on <paramref name="ip"/> (default 127.0.0.1), e.g. 127.0.2.2 for a "pod" on a second "node".</summary>
    /// <param name="certificate">Serve HTTPS with it; plain HTTP when null.</param>
    public static async Task<Upstream> StartAsync(Func<HttpContext, Task>? handler = null, IPAddress? ip = null, X509Certificate2? certificate = null)
    {
        ip ??= IPAddress.Loopback;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(ip, 0, listener =>
        {
            if (certificate is not null)
            {
                listener.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var upstream = new Upstream(app, ip);
        app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            upstream.Received.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            if (handler is null)
            {
                await context.Response.WriteAsync($"hello from {upstream.Port}");
            }
            else
            {
                await handler(context);
            }
        });
        await app.StartAsync();
        upstream.Port = new Uri(app.Urls.First()).Port;
        return upstream;
    }

    /// <summary>A handler that answers only once <paramref name="release"/> completes: requests stay in flight until then.</summary>
    public static Func<HttpContext, Task> Holding(Task release) => async context =>
    {
        await release;
        await context.Response.WriteAsync("released");
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

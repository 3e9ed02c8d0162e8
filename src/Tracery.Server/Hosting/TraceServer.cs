namespace Tracery.Server.Hosting;

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracery.Server.Admin;
using Tracery.Server.Collector;
using Tracery.Server.Query;
using Tracery.Server.Scribe;
using Tracery.Server.Ui;
using Tracery.Storage;

/// <summary>
/// A running trace server: Kestrel with the collector, query API, admin endpoints and UI on one port,
/// and the Scribe listener on another. Tests, the demo and benchmarks start it in-process.
/// </summary>
public sealed class TraceServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SpanWriter writer;
    private ScribeListener? scribe;

    private TraceServer(WebApplication app, SpanWriter writer, ScribeListener? scribe, ISpanStore store, CollectorMetrics metrics, Uri baseAddress)
    {
        this.app = app;
        this.writer = writer;
        this.scribe = scribe;
        Store = store;
        Metrics = metrics;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the HTTP API listens; a wildcard bind is reported as loopback, which reaches it.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The bound Scribe port, or null when Scribe is off.</summary>
    public int? ScribePort => scribe?.Port;

    public ISpanStore Store { get; }

    public CollectorMetrics Metrics { get; }

    /// <summary>Spans accepted and not yet stored, and the writer's counters.</summary>
    public SpanWriter Writer => writer;

    public static async Task<TraceServer> StartAsync(TraceServerOptions options, CancellationToken cancellationToken, TimeProvider? time = null, Action<ILoggingBuilder>? logging = null)
    {
        var store = options.Validate().StoreFactory(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.HttpEndpoint);
            kestrel.AddServerHeader = false;
            // The collector enforces its own limit, on the gunzipped body too, and answers 413 itself.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // A failed start (port in use) is thrown to the caller, which reports it; no second, stack-traced copy.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddCors();
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var loggerFactory = app.Services.GetRequiredService<ILoggerFactory>();
        var metrics = new CollectorMetrics();
        var writer = new SpanWriter(store, options.Writer, time ?? TimeProvider.System, loggerFactory.CreateLogger<SpanWriter>());
        var collector = new SpanCollector(new CollectorSampler(options.SampleRate), writer, metrics);
        var queries = new QueryHandlers(store, new TraceQueryParser(time ?? TimeProvider.System, options.QueryLookback), options.QueryTimeout);

        app.UseZipkinErrorResponses(loggerFactory.CreateLogger<TraceServer>());
        app.UseCors(cors => cors.AllowAnyOrigin().WithMethods("GET", "POST").WithHeaders("Content-Type", "X-GRPC-WEB"));
        app.MapHttpCollector(collector, options.BodyLimit);
        app.MapQueryApi(queries);
        app.MapStatus(store, writer);
        app.MapCollectorMetrics(metrics, writer);
        app.MapUiConfig(options.SearchEnabled);
        app.MapTraceUi();
        await app.StartAsync(cancellationToken);
        var server = new TraceServer(app, writer, scribe: null, store, metrics, BoundAddress(app));
        try
        {
            server.scribe = options.ScribeEnabled
                ? ScribeListener.Start(options.ScribeEndpoint, new ScribeLogHandler(collector, options.ScribeCategory), options.BodyLimit, loggerFactory.CreateLogger<ScribeListener>())
                : null;
        }
        catch
        {
            // The HTTP side is already listening; a Scribe port in use must not leave it running.
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (scribe is not null)
        {
            await scribe.DisposeAsync();
        }
        await app.StopAsync();
        await app.DisposeAsync();
        await writer.DisposeAsync();
        switch (Store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    private static Uri BoundAddress(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address);
        var host = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
            ? "127.0.0.1"
            : uri.Host;
        return new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
    }
}

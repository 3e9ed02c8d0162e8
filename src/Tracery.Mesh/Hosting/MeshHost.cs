namespace Tracery.Mesh.Hosting;

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tracery.Mesh.Admin;
using Tracery.Mesh.Forwarding;
using Tracery.Mesh.Metrics;
using Tracery.Mesh.Routing;
using Tracery.Mesh.Transport;
using Yarp.ReverseProxy.Forwarder;

/// <summary>
/// A running mesh process: every router's listeners and the admin server in one Kestrel instance, sharing the
/// upstream connection pools. Start it with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class MeshHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly UpstreamInvokers _invokers;
    private readonly List<RouterBinding> _bindings;
    private readonly ListenOptions? _admin;
    private IAsyncDisposable? _owned;

    private MeshHost(WebApplication app, UpstreamInvokers invokers, List<RouterBinding> bindings, ListenOptions? admin, IReadOnlyList<Router> routers, MetricsRegistry metrics)
    {
        _app = app;
        _invokers = invokers;
        _bindings = bindings;
        _admin = admin;
        Routers = routers;
        Metrics = metrics;
        Stopped = app.Lifetime.ApplicationStopping.IsCancellationRequested ? Task.CompletedTask : WhenStopping(app.Lifetime);
    }

    public IReadOnlyList<Router> Routers { get; }

    public MetricsRegistry Metrics { get; }

    /// <summary>The bound addresses of each router's servers, by router label (port 0 resolved).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IPEndPoint>> RouterEndpoints =>
        _bindings.GroupBy(b => b.Router.Label).ToDictionary(g => g.Key, g => (IReadOnlyList<IPEndPoint>)g.Select(b => b.Endpoint).ToList());

    /// <summary>The admin server's bound address, or null when it is off.</summary>
    public IPEndPoint? AdminEndpoint => _admin?.IPEndPoint;

    /// <summary>Completes when the host begins stopping (for example after <c>POST /admin/shutdown</c>).</summary>
    public Task Stopped { get; }

    /// <summary>Links a loaded config (see <see cref="Linker"/>) and starts it; the host owns the namers and telemeters.</summary>
    public static async Task<MeshHost> StartAsync(Config.MeshConfig config, bool consoleLogging = false, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var linker = Linker.Link(config, time, consoleLogging: consoleLogging);
        try
        {
            var host = await StartAsync(linker.Options, cancellationToken);
            host._owned = linker;
            return host;
        }
        catch
        {
            await linker.DisposeAsync();
            throw;
        }
    }

    public static async Task<MeshHost> StartAsync(MeshOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        }
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownGrace);
        // Source-generated metadata first, so admin results serialize without reflection (Native AOT build).
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AdminJsonContext.Default));
        var metrics = new MetricsRegistry(options.Time);
        RuntimeGauges.Register(metrics);
        if (options.Telemetry is { } telemetry)
        {
            foreach (var (name, _) in telemetry.Metrics())
            {
                metrics.Gauge(name, () => telemetry.Metrics().FirstOrDefault(m => m.Key == name).Value);
            }
        }
        var invokers = new UpstreamInvokers();
        var routers = new List<Router>();
        var routerMetrics = new Dictionary<Router, RouterMetrics>();
        var bindings = new List<RouterBinding>();
        ListenOptions? admin = null;
        // The forwarder lives in its own small container so the routers exist before Kestrel binds their listeners.
        var forwarderServices = new ServiceCollection().AddLogging().AddHttpForwarder().BuildServiceProvider();
        var forwarder = forwarderServices.GetRequiredService<IHttpForwarder>();
        builder.Services.AddSingleton(forwarderServices); // disposed with the app
        foreach (var definition in options.Routers)
        {
            var scopes = new RouterMetrics(metrics, definition.Label);
            var dispatcher = new RequestDispatcher(new ForwardingAttempt(forwarder, invokers), scopes, options.Time);
            var router = new Router(definition, dispatcher, scopes, options.Time, options.RecentRequests);
            routers.Add(router);
            routerMetrics[router] = scopes;
        }
        builder.WebHost.UseSockets(InlineIo.Configure);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var router in routers)
            {
                foreach (var server in router.Definition.Servers)
                {
                    kestrel.Listen(server.Endpoint, listener =>
                    {
                        if (server.Tls is { } tls)
                        {
                            listener.UseHttps(tls.HandshakeOptions());
                        }
                        var binding = new RouterBinding(router, server, listener);
                        bindings.Add(binding);
                        listener.Use(next => connection =>
                        {
                            connection.Items[RouterBinding.Key] = binding;
                            return next(connection);
                        });
                    });
                }
            }
            if (options.Admin is { } adminEndpoint)
            {
                kestrel.Listen(adminEndpoint, listener =>
                {
                    if (options.AdminTls is { } tls)
                    {
                        listener.UseHttps(tls.HandshakeOptions());
                    }
                    admin = listener;
                });
            }
        });
        var app = builder.Build();
        app.Use((context, next) =>
        {
            var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
            if (items is null || !items.TryGetValue(RouterBinding.Key, out var value) || value is not RouterBinding binding)
            {
                return next(context);
            }
            binding.Server.AddForwardedHeader?.Append(context); // as received, like Linkerd's server-stack module
            return binding.Router.HandleAsync(context, binding.Endpoint, binding.ServerLabel, binding.Limit);
        });
        if (options.AdminSecurity is { } security)
        {
            app.Use(security.Filter); // only admin requests get here: the routers' requests never call next
        }
        app.UseRouting();
        var host = new MeshHost(app, invokers, bindings, admin, routers, metrics);
        AdminEndpoints.Map(app, new AdminContext(host, options));
        await app.StartAsync(cancellationToken);
        foreach (var binding in bindings)
        {
            if (binding.Limit is { } limit)
            {
                // Registered once bound, so that a port-0 server's gauge carries its real port.
                routerMetrics[binding.Router].RequestConcurrency(binding.ServerLabel, () => limit.InFlight);
            }
        }
        return host;
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var router in Routers)
        {
            router.Dispose();
        }
        _invokers.Dispose();
        Metrics.Dispose();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }

    private static Task WhenStopping(IHostApplicationLifetime lifetime)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());
        return stopped.Task;
    }
}

namespace Tracery.Mesh.Routing;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Admin;
using Tracery.Mesh.Balancing;
using Tracery.Mesh.Forwarding;
using Tracery.Mesh.Metrics;
using Tracery.Mesh.Naming;

/// <summary>
/// One configured router at run time: every request on its servers goes identifier → interpreter → client
/// (balancer) → forwarder, and whatever fails on the way becomes Linkerd's error response (§4.13).
/// </summary>
public sealed class Router : IDisposable
{
    private readonly RequestDispatcher _dispatcher;
    private readonly RouterMetrics _metrics;
    private readonly RecentRequests? _recent;
    private readonly TimeProvider _time;

    internal Router(RouterDefinition definition, RequestDispatcher dispatcher, RouterMetrics metrics, RecentRequests? recent, TimeProvider time)
    {
        Definition = definition;
        _dispatcher = dispatcher;
        _metrics = metrics;
        _recent = recent;
        _time = time;
        Clients = new ClientCache(definition.ClientPolicies, time);
    }

    public RouterDefinition Definition { get; }

    public string Label => Definition.Label;

    public ClientCache Clients { get; }

    /// <summary>The tracer's hook around the whole request (its SERVER span); null when tracing is off.</summary>
    public Func<HttpContext, Router, IDisposable?>? OnServer { get; init; }

    public async Task HandleAsync(HttpContext context, string serverLabel)
    {
        var started = _time.GetTimestamp();
        var route = new RouteRecord();
        ProxyRewrite.Apply(context);
        using (OnServer?.Invoke(context, this))
        {
            try
            {
                route.Status = await RouteAsync(context, route);
            }
            catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
            {
                var error = RouterErrors.Failed("Request failed", ex.Message);
                await error.WriteAsync(context.Response);
                route.Status = error.Status;
            }
        }
        var elapsed = _time.GetElapsedTime(started);
        var success = route.Status is int s && s < 500;
        _metrics.Server(serverLabel).Record(success, elapsed, route.Status);
        if (route.Service is string service)
        {
            _metrics.Service(service).Record(success, elapsed, route.Status);
        }
        var request = context.Request;
        _recent?.Record(new RecentRequest(_time.GetUtcNow(), Label, request.Method, $"{request.Host}{request.Path}{request.QueryString}", route.Service, route.Client, route.Status, elapsed.TotalMilliseconds));
    }

    public void Dispose() => Clients.Dispose();

    private async Task<int?> RouteAsync(HttpContext context, RouteRecord route)
    {
        var request = context.Request;
        if (CallDepth.Count(request.Headers.Via) > Definition.MaxCallDepth)
        {
            return await Respond(context, RouterErrors.CallDepthExceeded(Definition.MaxCallDepth));
        }
        var local = LocalDtab.FromHeaders(request.Headers);
        if (local.Error is ErrorResponse dtabError)
        {
            return await Respond(context, dtabError);
        }
        var identification = Definition.Identifier.Identify(request);
        if (identification.Path is not NamePath path)
        {
            return await Respond(context, RouterErrors.Unidentified(request, identification.Error ?? "unidentified"));
        }
        route.Service = path.ToString();
        var resolution = await BindAsync(context, path, local.Dtab);
        if (resolution is not NameResolution.Bound bound)
        {
            return await Respond(context, resolution switch
            {
                NameResolution.Negative neg => RouterErrors.NoRoute(path, Definition.BaseDtab, local.Dtab, neg.Detail),
                NameResolution.Failed failed => RouterErrors.NoRoute(path, Definition.BaseDtab, local.Dtab, failed.Reason),
                _ => RouterErrors.BindingTimeout(path, Definition.BindingTimeout),
            });
        }
        var name = WeightedChoice.Pick(bound.Names);
        route.Client = name.Id;
        var client = Clients.Get(name);
        var target = new RouteTarget(Label, path, name, client, Definition.ServicePolicies(path), RequestIds.Next(), local.Text);
        return await _dispatcher.DispatchAsync(context, target);
    }

    /// <summary>The resolution, or null when binding outlived <c>bindingTimeoutMs</c>.</summary>
    private async Task<NameResolution?> BindAsync(HttpContext context, NamePath path, Dtab local)
    {
        using var timeout = new CancellationTokenSource(Definition.BindingTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
        try
        {
            return await Definition.Interpreter.ResolveAsync(path, local, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<int?> Respond(HttpContext context, ErrorResponse error)
    {
        await error.WriteAsync(context.Response);
        return error.Status;
    }

    /// <summary>What the request was routed to, for metrics and the recent-requests table.</summary>
    private sealed class RouteRecord
    {
        public int? Status { get; set; }

        public string? Service { get; set; }

        public string? Client { get; set; }
    }
}

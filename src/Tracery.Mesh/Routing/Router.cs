namespace Tracery.Mesh.Routing;

using System.Net;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Admin;
using Tracery.Mesh.Balancing;
using Tracery.Mesh.Forwarding;
using Tracery.Mesh.Metrics;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Tracing;

/// <summary>
/// One configured router at run time: every request on its servers goes identifier → interpreter → client
/// (balancer) → forwarder, and whatever fails on the way becomes Linkerd's error response (§4.13). The SERVER
/// span wraps all of it; the dispatcher opens a CLIENT span per attempt.
/// </summary>
public sealed class Router : IDisposable
{
    private readonly RequestDispatcher _dispatcher;
    private readonly RouterMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly RecentRequestLog? _recent;
    private readonly BindingCache _bindings;

    internal Router(RouterDefinition definition, RequestDispatcher dispatcher, RouterMetrics metrics, TimeProvider time, RecentRequestLog? recent)
    {
        Definition = definition;
        _dispatcher = dispatcher;
        _metrics = metrics;
        _time = time;
        _recent = recent;
        _bindings = new BindingCache(time, TimeSpan.FromSeconds(1));
        Clients = new ClientCache(definition.ClientPolicies, time);
    }

    public RouterDefinition Definition { get; }

    public string Label => Definition.Label;

    public ClientCache Clients { get; }

    /// <param name="server">The listener's address, as configured (with the bound port).</param>
    /// <param name="serverLabel">Its metrics scope, <c>ip/port</c>.</param>
    /// <param name="limit">The server's <c>maxConcurrentRequests</c>, if it has one.</param>
    public async Task HandleAsync(HttpContext context, IPEndPoint server, string serverLabel, ConcurrencyLimit? limit = null)
    {
        if (limit is null)
        {
            await AdmittedAsync(context, server, serverLabel);
            return;
        }
        if (!limit.TryEnter())
        {
            await RefuseAsync(context, serverLabel, limit);
            return;
        }
        try
        {
            await AdmittedAsync(context, server, serverLabel);
        }
        finally
        {
            limit.Exit();
        }
    }

    public void Dispose() => Clients.Dispose();

    /// <summary>
    /// Over the limit: answered at once, before identification, tracing or any allocation the request would
    /// need; counted in the server's <c>requests</c>, <c>failures</c>, <c>status/503</c> and <c>dropped_requests</c>.
    /// </summary>
    private async Task RefuseAsync(HttpContext context, string serverLabel, ConcurrencyLimit limit)
    {
        var started = _time.GetTimestamp();
        var error = RouterErrors.ConcurrencyExceeded(serverLabel, limit.Max);
        await error.WriteAsync(context.Response);
        _metrics.DroppedRequests(serverLabel).Increment();
        _metrics.Server(serverLabel).Record(false, _time.GetElapsedTime(started), error.Status);
    }

    private async Task AdmittedAsync(HttpContext context, IPEndPoint server, string serverLabel)
    {
        var started = _time.GetTimestamp();
        ProxyRewrite.Apply(context);
        // Reads and strips the incoming trace headers, so they are never copied onto the forwarded request.
        using var span = Definition.Tracer.StartServer(context, Label, server);
        var route = new RouteRecord();
        int? status;
        try
        {
            status = await RouteAsync(context, span, route);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            status = await Fail(context, span, RoutingFailure.Service, RouterErrors.Failed("Request failed", ex.Message));
        }
        if (status is int finished)
        {
            span.Finish(finished);
        }
        var elapsed = _time.GetElapsedTime(started);
        var success = status is int s && s < 500;
        _metrics.Server(serverLabel).Record(success, elapsed, status);
        if (route.Service is string service)
        {
            _metrics.Service(service).Record(success, elapsed, status);
        }
        if (_recent is { } recent && recent.Samples())
        {
            var request = context.Request;
            var source = context.Connection.RemoteIpAddress is { } ip ? $"{ip}:{context.Connection.RemotePort}" : null;
            recent.Add(new RecentRequest(
                _time.GetUtcNow(), Label, source, request.Method, $"http://{request.Host}{request.Path}{request.QueryString}",
                route.Service, route.Client, status, Math.Round(elapsed.TotalMilliseconds, 3)));
        }
    }

    private async Task<int?> RouteAsync(HttpContext context, ServerSpanScope span, RouteRecord route)
    {
        var request = context.Request;
        if (CallDepth.Count(request.Headers.Via) > Definition.MaxCallDepth)
        {
            return await Fail(context, span, RoutingFailure.Identification, RouterErrors.CallDepthExceeded(Definition.MaxCallDepth));
        }
        var local = LocalDtab.FromHeaders(request.Headers);
        if (local.Error is ErrorResponse dtabError)
        {
            return await Fail(context, span, RoutingFailure.Identification, dtabError);
        }
        var identification = Definition.Identifier.Identify(request);
        if (identification.Path is not NamePath path)
        {
            return await Fail(context, span, RoutingFailure.Identification, RouterErrors.Unidentified(request, identification.Error ?? "unidentified"));
        }
        var service = path.ToString();
        route.Service = service;
        span.SetDestination(service, Definition.BaseDtab.ToString(), local.Dtab.ToString());
        var resolution = await BindAsync(context, path, local);
        if (resolution is not NameResolution.Bound bound)
        {
            return await Fail(context, span, RoutingFailure.ClientAcquisition, resolution switch
            {
                NameResolution.Negative neg => RouterErrors.NoRoute(path, Definition.BaseDtab, local.Dtab, neg.Detail),
                NameResolution.Failed failed => RouterErrors.NoRoute(path, Definition.BaseDtab, local.Dtab, failed.Reason),
                _ => RouterErrors.BindingTimeout(path, Definition.BindingTimeout),
            });
        }
        var name = WeightedChoice.Pick(bound.Names);
        route.Client = name.Id;
        span.SetBound(name.Id, name.Residual.Segments.IsEmpty ? "" : name.Residual.ToString());
        var target = new RouteTarget(
            Label, path, name, Clients.Get(name), Definition.ServicePolicies(path), RequestIds.Next(), local.Text,
            Definition.Tracer, span, LogicalService(request, path));
        var status = await _dispatcher.DispatchAsync(context, target);
        if (status >= 500 && context.Response.Headers.ContainsKey(MeshHeaders.Err))
        {
            span.SetFailure(RoutingFailure.Service, context.Response.Headers[MeshHeaders.Err]);
        }
        return status;
    }

    /// <summary>The resolution, or null when binding outlived <c>bindingTimeoutMs</c>.</summary>
    private async Task<NameResolution?> BindAsync(HttpContext context, NamePath path, LocalDtab local)
    {
        if (_bindings.TryGet(path, local.Text, out var cached))
        {
            return cached;
        }
        using var timeout = new CancellationTokenSource(Definition.BindingTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
        try
        {
            var resolution = await Definition.Interpreter.ResolveAsync(path, local.Dtab, linked.Token);
            if (resolution is NameResolution.Bound bound)
            {
                _bindings.Put(path, local.Text, bound);
            }
            return resolution;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The destination as a service name (<c>hello</c>): the Host without its port, else the path's last segment.</summary>
    private static string LogicalService(HttpRequest request, NamePath path) =>
        request.Host.HasValue && request.Host.Host.Length > 0 ? request.Host.Host.ToLowerInvariant()
        : path.Segments.IsEmpty ? path.ToString() : path.Segments[^1];

    /// <summary>What the request was routed to, for metrics and the recent-requests table.</summary>
    private sealed class RouteRecord
    {
        public string? Service { get; set; }

        public string? Client { get; set; }
    }

    private static async Task<int?> Fail(HttpContext context, ServerSpanScope span, RoutingFailure failure, ErrorResponse error)
    {
        span.SetFailure(failure, error.Message);
        await error.WriteAsync(context.Response);
        return error.Status;
    }
}

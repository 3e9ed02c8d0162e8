namespace Tracery.Mesh.Routing;

using System.Net;
using Microsoft.AspNetCore.Http;
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

    internal Router(RouterDefinition definition, RequestDispatcher dispatcher, RouterMetrics metrics, TimeProvider time)
    {
        Definition = definition;
        _dispatcher = dispatcher;
        _metrics = metrics;
        _time = time;
        Clients = new ClientCache(definition.ClientPolicies, time);
    }

    public RouterDefinition Definition { get; }

    public string Label => Definition.Label;

    public ClientCache Clients { get; }

    /// <param name="server">The listener's address, as configured (with the bound port).</param>
    /// <param name="serverLabel">Its metrics scope, <c>ip/port</c>.</param>
    public async Task HandleAsync(HttpContext context, IPEndPoint server, string serverLabel)
    {
        var started = _time.GetTimestamp();
        ProxyRewrite.Apply(context);
        // Reads and strips the incoming trace headers, so they are never copied onto the forwarded request.
        using var span = Definition.Tracer.StartServer(context, Label, server);
        var service = default(string);
        int? status;
        try
        {
            (status, service) = await RouteAsync(context, span);
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
        if (service is not null)
        {
            _metrics.Service(service).Record(success, elapsed, status);
        }
    }

    public void Dispose() => Clients.Dispose();

    private async Task<(int? Status, string? Service)> RouteAsync(HttpContext context, ServerSpanScope span)
    {
        var request = context.Request;
        if (CallDepth.Count(request.Headers.Via) > Definition.MaxCallDepth)
        {
            return (await Fail(context, span, RoutingFailure.Identification, RouterErrors.CallDepthExceeded(Definition.MaxCallDepth)), null);
        }
        var local = LocalDtab.FromHeaders(request.Headers);
        if (local.Error is ErrorResponse dtabError)
        {
            return (await Fail(context, span, RoutingFailure.Identification, dtabError), null);
        }
        var identification = Definition.Identifier.Identify(request);
        if (identification.Path is not NamePath path)
        {
            return (await Fail(context, span, RoutingFailure.Identification, RouterErrors.Unidentified(request, identification.Error ?? "unidentified")), null);
        }
        var service = path.ToString();
        span.SetDestination(service, Definition.BaseDtab.ToString(), local.Dtab.ToString());
        var resolution = await BindAsync(context, path, local.Dtab);
        if (resolution is not NameResolution.Bound bound)
        {
            return (await Fail(context, span, RoutingFailure.ClientAcquisition, resolution switch
            {
                NameResolution.Negative neg => RouterErrors.NoRoute(path, Definition.BaseDtab, local.Dtab, neg.Detail),
                NameResolution.Failed failed => RouterErrors.NoRoute(path, Definition.BaseDtab, local.Dtab, failed.Reason),
                _ => RouterErrors.BindingTimeout(path, Definition.BindingTimeout),
            }), service);
        }
        var name = WeightedChoice.Pick(bound.Names);
        span.SetBound(name.Id, name.Residual.Segments.IsEmpty ? "" : name.Residual.ToString());
        var target = new RouteTarget(
            Label, path, name, Clients.Get(name), Definition.ServicePolicies(path), RequestIds.Next(), local.Text,
            Definition.Tracer, span, LogicalService(request, path));
        var status = await _dispatcher.DispatchAsync(context, target);
        if (status >= 500 && context.Response.Headers.ContainsKey(MeshHeaders.Err))
        {
            span.SetFailure(RoutingFailure.Service, context.Response.Headers[MeshHeaders.Err]);
        }
        return (status, service);
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

    /// <summary>The destination as a service name (<c>hello</c>): the Host without its port, else the path's last segment.</summary>
    private static string LogicalService(HttpRequest request, NamePath path) =>
        request.Host.HasValue && request.Host.Host.Length > 0 ? request.Host.Host.ToLowerInvariant()
        : path.Segments.IsEmpty ? path.ToString() : path.Segments[^1];

    private static async Task<int?> Fail(HttpContext context, ServerSpanScope span, RoutingFailure failure, ErrorResponse error)
    {
        span.SetFailure(failure, error.Message);
        await error.WriteAsync(context.Response);
        return error.Status;
    }
}

namespace Tracery.Mesh.Tracing;

using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections.Features;
using HttpContext = Microsoft.AspNetCore.Http.HttpContext;
using Tracery.Tracing.Model;

/// <summary>
/// The endpoints of a router's spans, built once and shared: a router has a few listeners, clients and upstreams,
/// and formatting their addresses into text for every sampled request was a measurable part of its cost. The
/// caller's endpoint is kept with its connection, which carries many requests. The caches are bounded; when one
/// fills (a huge, churning set of upstreams) it is cleared and refills.
/// </summary>
internal sealed class SpanEndpoints
{
    private const int Capacity = 1024;
    private static readonly object CallerKey = new();
    private readonly ConcurrentDictionary<IPEndPoint, Endpoint> servers = new();
    private readonly ConcurrentDictionary<(string Client, Endpoint Server), Endpoint> clients = new();
    private readonly ConcurrentDictionary<(string Service, IPEndPoint? Upstream), Endpoint> upstreams = new();

    /// <summary>A listener's endpoint: service name <c>ip/port</c> (Linkerd's server label) and its address.</summary>
    public Endpoint Server(IPEndPoint address) =>
        Get(servers, address, static a => EndpointText.From(EndpointText.ServerLabel(a), a.Address, a.Port));

    /// <summary>A client span's local endpoint: the server's address under the client's name, without a port.</summary>
    public Endpoint Client(string serviceName, Endpoint server) =>
        Get(clients, (serviceName, server), static k => k.Item2 with { ServiceName = k.Item1, Port = 0 });

    /// <summary>A client span's remote endpoint: the logical service at the address the balancer picked.</summary>
    public Endpoint Upstream(string logicalService, IPEndPoint? upstream) =>
        Get(upstreams, (logicalService, upstream), static k => EndpointText.From(k.Item1, k.Item2?.Address, k.Item2?.Port ?? 0));

    /// <summary>The caller's address, or null when unknown; remembered on the connection.</summary>
    public static Endpoint? Caller(HttpContext context)
    {
        var connection = context.Connection;
        if (connection.RemoteIpAddress is not { } ip)
        {
            return null;
        }

        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items is not null && items.TryGetValue(CallerKey, out var known) && known is Endpoint endpoint)
        {
            return endpoint;
        }

        endpoint = EndpointText.From(null, ip, connection.RemotePort);
        if (items is not null)
        {
            items[CallerKey] = endpoint;
        }

        return endpoint;
    }

    private static Endpoint Get<TKey>(ConcurrentDictionary<TKey, Endpoint> cache, TKey key, Func<TKey, Endpoint> create)
        where TKey : notnull
    {
        if (cache.TryGetValue(key, out var endpoint))
        {
            return endpoint;
        }

        if (cache.Count >= Capacity)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(key, create);
    }
}

namespace Tracery.Mesh.Transport;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using Tracery.Mesh.Balancing;

/// <summary>
/// The connection pools the forwarder sends through: one shared pool for every client with the default
/// transport, and one of its own for each client whose <see cref="UpstreamTransport"/> sets limits or TLS, so that
/// <c>hostConnectionPool.maxSize</c> counts that client's connections only (a Finagle client's pool per host).
/// </summary>
public sealed class UpstreamInvokers : IDisposable
{
    private static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(60);
    private readonly HttpMessageInvoker _shared = new(Handler(UpstreamTransport.Default));
    private readonly ConcurrentDictionary<MeshClient, Lazy<HttpMessageInvoker>> _own = new(ReferenceEqualityComparer.Instance);

    /// <summary>The invoker for a client's requests; the common default-transport case is one reference comparison.</summary>
    public HttpMessageInvoker For(MeshClient client) =>
        ReferenceEquals(client.Policy.Transport, UpstreamTransport.Default)
            ? _shared
            : _own.GetOrAdd(client, c => new Lazy<HttpMessageInvoker>(() => new HttpMessageInvoker(Handler(ForClient(c))))).Value;

    /// <summary>The client's transport with its TLS <c>commonName</c> resolved for its bound id.</summary>
    private static UpstreamTransport ForClient(MeshClient client) =>
        client.Policy.Transport is { Tls: { } tls } transport ? transport with { Tls = tls.For(client.Name.Id) } : client.Policy.Transport;

    public void Dispose()
    {
        _shared.Dispose();
        foreach (var invoker in _own.Values.Where(i => i.IsValueCreated))
        {
            invoker.Value.Dispose();
        }
    }

    /// <summary>
    /// No proxy, redirects, cookies or decompression: the mesh passes traffic through as sent. No Activity header
    /// propagation: trace headers are the tracer's job alone.
    /// </summary>
    internal static SocketsHttpHandler Handler(UpstreamTransport transport) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = null,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        MaxConnectionsPerServer = transport.MaxConnections ?? int.MaxValue,
        PooledConnectionIdleTimeout = transport.IdleTimeout ?? DefaultIdleTimeout,
        PooledConnectionLifetime = transport.Lifetime ?? Timeout.InfiniteTimeSpan,
        SslOptions = transport.Tls?.SslOptions() ?? new(),
    };
}

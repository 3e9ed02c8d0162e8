namespace Tracery.Mesh.Transport;

/// <summary>
/// How a client connects to its endpoints: the runtime form of <c>client.hostConnectionPool</c> and
/// <c>client.clientSession</c>. Null means Linkerd's default, unbounded. A client with anything but
/// <see cref="Default"/> gets connection pools of its own, one per endpoint, as a Finagle client does.
/// </summary>
public sealed record UpstreamTransport
{
    public static readonly UpstreamTransport Default = new();

    /// <summary><c>hostConnectionPool.maxSize</c>: connections per endpoint; further requests wait for one.</summary>
    public int? MaxConnections { get; init; }

    /// <summary><c>hostConnectionPool.maxWaiters</c>: requests that may wait for a connection per endpoint; more fail at once.</summary>
    public int? MaxWaiters { get; init; }

    /// <summary><c>hostConnectionPool.idleTimeMs</c> (or <c>clientSession.idleTimeMs</c>): an idle connection is closed after it.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary><c>clientSession.lifeTimeMs</c>: a connection is retired after it, once idle.</summary>
    public TimeSpan? Lifetime { get; init; }

    /// <summary><c>client.tls</c>: null connects in plain text.</summary>
    public ClientTls? Tls { get; init; }

    /// <summary>The scheme the forwarder addresses endpoints with.</summary>
    public string Scheme => Tls is null ? "http" : "https";

    /// <summary>
    /// Requests one endpoint may have in flight, in use and waiting: <c>maxSize + maxWaiters</c>, or unlimited
    /// when either is.
    /// </summary>
    public int MaxOutstandingPerEndpoint =>
        MaxConnections is int size && MaxWaiters is int waiters ? (int)Math.Min(int.MaxValue, (long)size + waiters) : int.MaxValue;
}

namespace Tracery.Mesh.Balancing;

using System.Net;
using Tracery.Mesh.Naming;

/// <summary>
/// The runtime state of one address of a client: requests in flight, latency cost and failure accrual.
/// Kept across address-set updates so that a namer refresh does not forget a dead endpoint.
/// </summary>
public sealed class UpstreamEndpoint(Address address, IFailureAccrual accrual, PeakEwma latency, string scheme = "http")
{
    private int _outstanding;

    public Address Address { get; } = address;

    /// <summary>The forwarder's destination prefix, <c>http://host:port</c> (<c>https</c> with client TLS): built once, not per request.</summary>
    public string Prefix { get; } = $"{scheme}://{address.Host}:{address.Port}";

    /// <summary>The address as a socket address when its host is an IP literal (a CLIENT span's remote endpoint), else null.</summary>
    public IPEndPoint? SocketAddress { get; } = IPAddress.TryParse(address.Host, out var ip) ? new IPEndPoint(ip, address.Port) : null;

    public double Weight => Address.Weight > 0 ? Address.Weight : 1.0;

    public int Outstanding => Volatile.Read(ref _outstanding);

    public IFailureAccrual Accrual { get; } = accrual;

    public PeakEwma Latency { get; } = latency;

    /// <summary>Marks a request as in flight; call <see cref="Complete"/> when its attempt ends.</summary>
    public void Acquire() => Interlocked.Increment(ref _outstanding);

    /// <summary>
    /// Marks a request as in flight unless <paramref name="max"/> already are (<c>hostConnectionPool</c>'s
    /// <c>maxSize + maxWaiters</c>); an interlocked count, so an unlimited client pays what <see cref="Acquire"/> does.
    /// </summary>
    public bool TryAcquire(int max)
    {
        if (Interlocked.Increment(ref _outstanding) <= max)
        {
            return true;
        }
        Interlocked.Decrement(ref _outstanding);
        return false;
    }

    public void Complete(bool success, TimeSpan rtt, TimeProvider time)
    {
        Interlocked.Decrement(ref _outstanding);
        Latency.Observe(rtt, PeakEwma.Now(time));
        if (success)
        {
            Accrual.RecordSuccess(time.GetUtcNow());
        }
        else
        {
            Accrual.RecordFailure(time.GetUtcNow());
        }
    }
}

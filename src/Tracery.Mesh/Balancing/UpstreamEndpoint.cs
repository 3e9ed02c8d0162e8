namespace Tracery.Mesh.Balancing;

using System.Net;
using Tracery.Mesh.Naming;

/// <summary>
/// The runtime state of one address of a client: requests in flight, latency cost and failure accrual.
/// Kept across address-set updates so that a namer refresh does not forget a dead endpoint.
/// </summary>
public sealed class UpstreamEndpoint(Address address, IFailureAccrual accrual, PeakEwma latency)
{
    private int _outstanding;

    public Address Address { get; } = address;

    /// <summary>The forwarder's destination prefix, <c>http://host:port</c>: built once, not per request.</summary>
    public string Prefix { get; } = $"http://{address.Host}:{address.Port}";

    /// <summary>The address as a socket address when its host is an IP literal (a CLIENT span's remote endpoint), else null.</summary>
    public IPEndPoint? SocketAddress { get; } = IPAddress.TryParse(address.Host, out var ip) ? new IPEndPoint(ip, address.Port) : null;

    public double Weight => Address.Weight > 0 ? Address.Weight : 1.0;

    public int Outstanding => Volatile.Read(ref _outstanding);

    public IFailureAccrual Accrual { get; } = accrual;

    public PeakEwma Latency { get; } = latency;

    /// <summary>Marks a request as in flight; call <see cref="Complete"/> when its attempt ends.</summary>
    public void Acquire() => Interlocked.Increment(ref _outstanding);

    public void Complete(bool success, TimeSpan rtt, TimeProvider time)
    {
        Interlocked.Decrement(ref _outstanding);
        Latency.Observe(rtt, PeakEwma.Now(time));
        if (success)
        {
            Accrual.RecordSuccess();
        }
        else
        {
            Accrual.RecordFailure(time.GetUtcNow());
        }
    }
}

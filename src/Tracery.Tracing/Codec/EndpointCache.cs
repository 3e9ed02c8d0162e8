namespace Tracery.Tracing.Codec;

using Tracery.Tracing.Model;

/// <summary>
/// Shares <see cref="Endpoint"/> instances between decoded spans: a batch from one service repeats the same local
/// endpoint in every span. Lossy and lock-free like <see cref="Utf8Pool{T}"/>; the inputs are already normalised.
/// </summary>
internal static class EndpointCache
{
    const int Slots = 1024;

    static readonly Endpoint?[] Entries = new Endpoint?[Slots];

    /// <summary>A normalised endpoint (service name lower-cased, IPs classified), or null when all are absent.</summary>
    public static Endpoint? Get(string? serviceName, string? ipv4, string? ipv6, int port)
    {
        if (port > 0xffff) throw new ArgumentException("invalid port " + port);
        if (port < 0) port = 0;
        if (serviceName is null && ipv4 is null && ipv6 is null && port == 0) return null;
        var slot = HashCode.Combine(serviceName, ipv4, ipv6, port) & (Slots - 1);
        var cached = Entries[slot];
        if (cached is not null && cached.Port == port && cached.ServiceName == serviceName && cached.Ipv4 == ipv4 && cached.Ipv6 == ipv6)
        {
            return cached;
        }
        var created = new Endpoint(serviceName, ipv4, ipv6, port);
        Entries[slot] = created;
        return created;
    }
}

namespace Tracery.Tracing.Model;

/// <summary>
/// The network context of a node in the service graph. Zipkin's rules apply on construction through
/// <see cref="Create"/>: the service name is lower-cased and empty means absent; IPv4-mapped IPv6
/// addresses become IPv4; unparseable addresses are dropped; a port of 0 or less is absent.
/// </summary>
public sealed record Endpoint(string? ServiceName, string? Ipv4, string? Ipv6, int Port)
{
    /// <summary>True when every field is absent; such an endpoint is dropped from a span.</summary>
    public bool IsEmpty => ServiceName is null && Ipv4 is null && Ipv6 is null && Port == 0;
}

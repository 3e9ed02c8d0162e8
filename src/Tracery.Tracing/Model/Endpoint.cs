namespace Tracery.Tracing.Model;

/// <summary>
/// The network context of a node in the service graph. Zipkin's rules apply on construction through
/// <see cref="Create(string?, string?, int)"/>: the service name is lower-cased and empty means absent; IPv4-mapped
/// IPv6 addresses become IPv4; unparseable addresses are dropped; a port of 0 or less is absent, above 65535 an error.
/// </summary>
public sealed record Endpoint(string? ServiceName, string? Ipv4, string? Ipv6, int Port)
{
    /// <summary>True when every field is absent; such an endpoint is dropped from a span.</summary>
    public bool IsEmpty => ServiceName is null && Ipv4 is null && Ipv6 is null && Port == 0;

    /// <summary>A normalised endpoint from one IP text of either family; null when every field is absent.</summary>
    public static Endpoint? Create(string? serviceName, string? ip, int port = 0) => Create(serviceName, ip, null, port);

    /// <summary>
    /// A normalised endpoint; each IP text is classified by its content, not by the parameter it came in, as
    /// Zipkin's shared parser does. Returns null when every field is absent.
    /// </summary>
    public static Endpoint? Create(string? serviceName, string? ipv4, string? ipv6, int port)
    {
        if (port > 0xffff) throw new ArgumentException("invalid port " + port);
        string? v4 = null, v6 = null;
        foreach (var text in (ReadOnlySpan<string?>)[ipv4, ipv6])
        {
            IpAddressText.Parse(text, out var parsed4, out var parsed6);
            v4 = parsed4 ?? v4;
            v6 = parsed6 ?? v6;
        }
        var service = NormalizeName(serviceName);
        var normalisedPort = port < 0 ? 0 : port;
        if (service is null && v4 is null && v6 is null && normalisedPort == 0) return null;
        return new Endpoint(service, v4, v6, normalisedPort);
    }

    /// <summary>This endpoint with Zipkin's rules applied, or null when nothing is left.</summary>
    public Endpoint? Normalize()
    {
        var normal = Create(ServiceName, Ipv4, Ipv6, Port);
        return Equals(normal) ? this : normal;
    }

    /// <summary>Zipkin's name rule, shared by service and span names: lower-case (invariant), empty is absent.</summary>
    internal static string? NormalizeName(string? name) => string.IsNullOrEmpty(name) ? null : name.ToLowerInvariant();
}

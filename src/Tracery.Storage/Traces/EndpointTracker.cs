namespace Tracery.Storage.Traces;

using Tracery.Tracing.Model;

/// <summary>
/// Accumulates the local endpoint of span fragments with one id, refusing a fragment whose endpoint
/// conflicts (a different host reusing the id) so that only pieces of the same span are merged.
/// </summary>
sealed class EndpointTracker
{
    string? _serviceName, _ipv4, _ipv6;
    int _port;

    public bool TryMerge(Endpoint? endpoint)
    {
        if (endpoint is null) return true;
        if (Conflicts(_serviceName, endpoint.ServiceName) || Conflicts(_ipv4, endpoint.Ipv4) || Conflicts(_ipv6, endpoint.Ipv6)) return false;
        if (_port != 0 && endpoint.Port != 0 && _port != endpoint.Port) return false;
        _serviceName ??= endpoint.ServiceName;
        _ipv4 ??= endpoint.Ipv4;
        _ipv6 ??= endpoint.Ipv6;
        if (_port == 0) _port = endpoint.Port;
        return true;
    }

    static bool Conflicts(string? known, string? candidate) => known is not null && candidate is not null && known != candidate;
}

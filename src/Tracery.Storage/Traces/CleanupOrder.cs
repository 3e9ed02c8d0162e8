namespace Tracery.Storage.Traces;

using Tracery.Tracing.Model;

/// <summary>
/// Orders spans so that fragments of one span are adjacent: by id, then unshared (clients first)
/// before shared, then by local endpoint with absent endpoints first so their data joins the first
/// fragment that names the endpoint.
/// </summary>
sealed class CleanupOrder : IComparer<Span>
{
    public static readonly CleanupOrder Instance = new();

    public int Compare(Span? left, Span? right)
    {
        if (ReferenceEquals(left, right)) return 0;
        if (left is null) return -1;
        if (right is null) return 1;
        var byId = string.CompareOrdinal(left.Id, right.Id);
        if (byId != 0) return byId;
        var byShared = CompareShared(left, right);
        return byShared != 0 ? byShared : CompareEndpoint(left.LocalEndpoint, right.LocalEndpoint);
    }

    static int CompareShared(Span left, Span right)
    {
        if (left.Shared || right.Shared) return left.Shared.CompareTo(right.Shared);
        var leftClient = left.Kind == SpanKind.Client;
        var rightClient = right.Kind == SpanKind.Client;
        return rightClient.CompareTo(leftClient);
    }

    static int CompareEndpoint(Endpoint? left, Endpoint? right)
    {
        if (left is null) return right is null ? 0 : -1;
        if (right is null) return 1;
        var byService = NullsLast(left.ServiceName, right.ServiceName);
        if (byService != 0) return byService;
        var byIpv4 = NullsLast(left.Ipv4, right.Ipv4);
        return byIpv4 != 0 ? byIpv4 : NullsLast(left.Ipv6, right.Ipv6);
    }

    static int NullsLast(string? left, string? right) => (left, right) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => string.CompareOrdinal(left, right),
    };
}

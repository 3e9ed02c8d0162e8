namespace Tracery.Storage.Traces;

using Tracery.Tracing.Model;

/// <summary>Zipkin's <c>Span.Builder.merge</c>: first non-absent value wins, annotations and tags are unioned.</summary>
static class SpanMerge
{
    public static Span Merge(Span first, Span next) => first with
    {
        ParentId = first.ParentId ?? next.ParentId,
        Kind = first.Kind != SpanKind.Unspecified ? first.Kind : next.Kind,
        Name = first.Name ?? next.Name,
        Timestamp = first.Timestamp != 0 ? first.Timestamp : next.Timestamp,
        Duration = first.Duration != 0 ? first.Duration : next.Duration,
        LocalEndpoint = Merge(first.LocalEndpoint, next.LocalEndpoint),
        RemoteEndpoint = Merge(first.RemoteEndpoint, next.RemoteEndpoint),
        Annotations = first.Annotations.Concat(next.Annotations).Distinct().Order().ToList(),
        Tags = MergeTags(first.Tags, next.Tags),
        Debug = first.Debug || next.Debug,
        Shared = first.Shared || next.Shared,
    };

    static Endpoint? Merge(Endpoint? first, Endpoint? next) => (first, next) switch
    {
        (null, _) => next,
        (_, null) => first,
        _ => new Endpoint(
            first.ServiceName ?? next.ServiceName,
            first.Ipv4 ?? next.Ipv4,
            first.Ipv6 ?? next.Ipv6,
            first.Port != 0 ? first.Port : next.Port),
    };

    static IReadOnlyDictionary<string, string> MergeTags(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> next)
    {
        if (next.Count == 0) return first;
        if (first.Count == 0) return next;
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in first) merged[key] = value;
        foreach (var (key, value) in next) merged[key] = value;
        return merged;
    }
}

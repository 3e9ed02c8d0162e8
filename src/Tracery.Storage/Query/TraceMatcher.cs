namespace Tracery.Storage.Query;

using Tracery.Tracing.Model;

/// <summary>Zipkin's <c>QueryRequest.test(List&lt;Span&gt;)</c>: does one trace satisfy a search (§3.3)?</summary>
public static class TraceMatcher
{
    /// <summary><paramref name="request"/> must already be validated (names lower-cased).</summary>
    public static bool Matches(this QueryRequest request, IReadOnlyList<Span> trace)
    {
        var timestamp = ReferenceTimestamp(trace);
        if (timestamp == 0 || timestamp < (request.EndTs - request.Lookback) * 1000 || timestamp > request.EndTs * 1000)
        {
            return false;
        }

        var serviceFound = request.ServiceName is null;
        var remoteFound = request.RemoteServiceName is null;
        var spanNameFound = request.SpanName is null;
        var durationFound = request.MinDuration is null && request.MaxDuration is null;
        var remaining = request.AnnotationQuery.Count == 0 ? null : new Dictionary<string, string>(request.AnnotationQuery);

        foreach (var span in trace)
        {
            // The service name, when present, constrains every other condition to its own spans.
            if (request.ServiceName is not null && request.ServiceName != span.LocalServiceName) continue;
            serviceFound = true;
            if (remaining is { Count: > 0 }) RemoveMatched(remaining, span);
            remoteFound |= request.RemoteServiceName == span.RemoteServiceName;
            spanNameFound |= request.SpanName == span.Name;
            durationFound |= DurationMatches(request, span.Duration);
        }
        return serviceFound && remoteFound && spanNameFound && durationFound && (remaining is null || remaining.Count == 0);
    }

    /// <summary>The root's timestamp, else the smallest non-zero one; 0 when no span has one.</summary>
    public static long ReferenceTimestamp(IReadOnlyList<Span> trace)
    {
        long timestamp = 0;
        foreach (var span in trace)
        {
            if (span.Timestamp == 0) continue;
            if (span.ParentId is null) return span.Timestamp;
            if (timestamp == 0 || timestamp > span.Timestamp) timestamp = span.Timestamp;
        }
        return timestamp;
    }

    static void RemoveMatched(Dictionary<string, string> remaining, Span span)
    {
        foreach (var annotation in span.Annotations)
        {
            if (remaining.TryGetValue(annotation.Value, out var wanted) && wanted.Length == 0) remaining.Remove(annotation.Value);
        }
        foreach (var (key, value) in span.Tags)
        {
            if (remaining.TryGetValue(key, out var wanted) && (wanted.Length == 0 || wanted == value)) remaining.Remove(key);
        }
    }

    // One single span must satisfy both bounds; a span without duration counts as 0.
    static bool DurationMatches(QueryRequest request, long duration) => request switch
    {
        { MinDuration: { } min, MaxDuration: { } max } => duration >= min && duration <= max,
        { MinDuration: { } min } => duration >= min,
        _ => false,
    };
}

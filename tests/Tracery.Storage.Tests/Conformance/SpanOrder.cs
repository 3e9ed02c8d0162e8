namespace Tracery.Storage.Tests.Conformance;

using Tracery.Tracing.Model;

/// <summary>Zipkin's test ordering of spans: (traceId, id, shared, name, timestamp, duration).</summary>
public static class SpanOrder
{
    public static IReadOnlyList<Span> Sorted(IReadOnlyList<Span> spans) => spans
        .OrderBy(s => s.TraceId, StringComparer.Ordinal)
        .ThenBy(s => s.Id, StringComparer.Ordinal)
        .ThenBy(s => s.Shared)
        .ThenBy(s => s.Name, StringComparer.Ordinal)
        .ThenBy(s => s.Timestamp)
        .ThenBy(s => s.Duration)
        .ToList();
}

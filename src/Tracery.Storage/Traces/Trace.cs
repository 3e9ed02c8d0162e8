namespace Tracery.Storage.Traces;

using Tracery.Tracing.Model;

/// <summary>
/// Zipkin's <c>Trace.merge</c> (§2.3): joins fragments of one span reported in pieces, picks the
/// 128-bit trace id when any span has it, and backfills the shared flag and parent id of a server
/// that reused its client's span id. Storage keeps raw fragments; the linker and trees use this.
/// </summary>
public static class Trace
{
    public static IReadOnlyList<Span> Merge(IReadOnlyList<Span> spans)
    {
        if (spans.Count <= 1) return spans;
        // LINQ's ordering is stable, as Java's sort is: equal keys keep their reported order.
        var result = spans.Order(CleanupOrder.Instance).ToList();
        var traceId = result.FirstOrDefault(s => s.TraceId.Length == 32)?.TraceId ?? result[^1].TraceId;

        Span? last = null;
        for (var i = 0; i < result.Count; i++)
        {
            var span = result[i];
            // A span naming itself as parent would make a cycle; Zipkin's builder drops such a parent id.
            if (span.ParentId == span.Id) span = span with { ParentId = null };
            if (span.TraceId.Length != traceId.Length) span = span with { TraceId = traceId };
            span = MergeFollowingFragments(result, i, span);

            // Instrumentation is inconsistent about marking the server that reuses a client's id as
            // shared; ordered client-first, the whole trace tells us.
            if (last is not null && last.Id == span.Id)
            {
                if (last.Kind == SpanKind.Client && span.Kind == SpanKind.Server && !span.Shared) span = span with { Shared = true };
                if (span.Shared && span.ParentId is null && last.ParentId is not null) span = span with { ParentId = last.ParentId };
            }
            result[i] = span;
            last = span;
        }
        return result;
    }

    static Span MergeFollowingFragments(List<Span> result, int i, Span span)
    {
        EndpointTracker? localEndpoint = null;
        while (i + 1 < result.Count)
        {
            var next = result[i + 1];
            if (next.Id != span.Id) break;
            if (localEndpoint is null)
            {
                localEndpoint = new EndpointTracker();
                localEndpoint.TryMerge(span.LocalEndpoint);
            }
            if (span.Shared != next.Shared || !localEndpoint.TryMerge(next.LocalEndpoint)) break;
            span = SpanMerge.Merge(span, next);
            result.RemoveAt(i + 1);
        }
        return span;
    }
}

namespace Tracery.Storage.Query;

using Tracery.Tracing.Model;

/// <summary>How every backend turns one low-trace-id group into search results (§3.2, §3.3).</summary>
public static class MatchingTraces
{
    /// <summary>Adds the group, or with strict ids each full trace id in it, when it matches.</summary>
    public static void AddTo(List<IReadOnlyList<Span>> result, QueryRequest request, IReadOnlyList<Span> spans, bool strictTraceId)
    {
        if (!request.Matches(spans)) return;
        if (!strictTraceId)
        {
            result.Add(spans.ToList());
            return;
        }
        // The low-id group passed as a whole; each full trace id must pass on its own.
        foreach (var strict in spans.GroupBy(s => s.TraceId, StringComparer.Ordinal))
        {
            var trace = strict.ToList();
            if (request.Matches(trace)) result.Add(trace);
        }
    }
}

namespace Tracery.Server.Query;

using Tracery.Tracing.Model;

/// <summary>The <c>traceIds</c> parameter of <c>/traceMany</c>, checked as Zipkin checks it (reference §1.2).</summary>
public static class TraceIdList
{
    private const int MaxIds = 1000;

    public static IReadOnlyList<string> Parse(string? parameter)
    {
        if (string.IsNullOrWhiteSpace(parameter))
        {
            throw new ArgumentException("traceIds parameter is empty");
        }
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in parameter.Split(',', MaxIds))
        {
            var id = SpanIds.NormalizeTraceId(raw.Trim());
            if (!seen.Add(id))
            {
                throw new ArgumentException($"redundant traceId: {id}");
            }
            ids.Add(id);
        }
        if (ids.Count == 1)
        {
            throw new ArgumentException("Use /api/v2/trace/{traceId} endpoint to retrieve a single trace");
        }
        return ids;
    }
}

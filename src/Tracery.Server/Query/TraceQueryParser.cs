namespace Tracery.Server.Query;

using Microsoft.AspNetCore.Http;
using Tracery.Storage.Query;

/// <summary>
/// Builds a <see cref="QueryRequest"/> from <c>/api/v2/traces</c> parameters with Zipkin's defaults
/// and checks (reference §1.2); each failed check is an <see cref="ArgumentException"/> whose message
/// is Zipkin's.
/// </summary>
public sealed class TraceQueryParser(TimeProvider time, TimeSpan defaultLookback)
{
    public QueryRequest Parse(HttpRequest request)
    {
        var limit = QueryParameters.Long(request, "limit") ?? 10;
        var endTs = QueryParameters.Long(request, "endTs") ?? time.GetUtcNow().ToUnixTimeMilliseconds();
        var lookback = QueryParameters.Long(request, "lookback") ?? (long)defaultLookback.TotalMilliseconds;
        var minDuration = QueryParameters.Long(request, "minDuration");
        var maxDuration = QueryParameters.Long(request, "maxDuration");
        Check(limit > 0, "limit <= 0");
        Check(endTs > 0, "endTs <= 0");
        Check(lookback > 0, "lookback <= 0");
        if (minDuration is { } min)
        {
            Check(min > 0, "minDuration <= 0");
            Check(maxDuration is not { } max || max >= min, "maxDuration < minDuration");
        }
        else
        {
            Check(maxDuration is null, "maxDuration is only valid with minDuration");
        }
        return new QueryRequest
        {
            ServiceName = QueryParameters.Name(request, "serviceName"),
            RemoteServiceName = QueryParameters.Name(request, "remoteServiceName"),
            SpanName = QueryParameters.Name(request, "spanName", absent: "all"),
            AnnotationQuery = AnnotationQueryParser.Parse(QueryParameters.String(request, "annotationQuery")),
            MinDuration = minDuration,
            MaxDuration = maxDuration,
            EndTs = endTs,
            Lookback = lookback,
            Limit = (int)Math.Min(limit, int.MaxValue),
        };
    }

    /// <summary>The <c>/dependencies</c> window: <c>endTs</c> is required, <c>lookback</c> defaults.</summary>
    public (long EndTs, long Lookback) ParseDependencyWindow(HttpRequest request)
    {
        var endTs = QueryParameters.Long(request, "endTs") ?? throw new ArgumentException("endTs parameter is required");
        var lookback = QueryParameters.Long(request, "lookback") ?? (long)defaultLookback.TotalMilliseconds;
        Check(endTs > 0, "endTs <= 0");
        Check(lookback > 0, "lookback <= 0");
        return (endTs, lookback);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}

namespace Tracery.Server.Query;

using Microsoft.AspNetCore.Http;
using Tracery.Storage.Query;

/// <summary>
/// Builds a <see cref="QueryRequest"/> from <c>/api/v2/traces</c> parameters with Zipkin's defaults
/// (endTs now, lookback from QUERY_LOOKBACK, limit 10); the store's validation rejects bad values
/// with Zipkin's messages (reference §1.2).
/// </summary>
public sealed class TraceQueryParser(TimeProvider time, TimeSpan defaultLookback)
{
    public QueryRequest Parse(HttpRequest request) =>
        new QueryRequest
        {
            ServiceName = QueryParameters.String(request, "serviceName")?.Trim(),
            RemoteServiceName = QueryParameters.String(request, "remoteServiceName")?.Trim(),
            SpanName = QueryParameters.String(request, "spanName")?.Trim(),
            AnnotationQuery = AnnotationQuery.Parse(QueryParameters.String(request, "annotationQuery")),
            MinDuration = QueryParameters.Long(request, "minDuration"),
            MaxDuration = QueryParameters.Long(request, "maxDuration"),
            EndTs = QueryParameters.Long(request, "endTs") ?? time.GetUtcNow().ToUnixTimeMilliseconds(),
            Lookback = QueryParameters.Long(request, "lookback") ?? DefaultLookback,
            Limit = (int)Math.Clamp(QueryParameters.Long(request, "limit") ?? 10, int.MinValue, int.MaxValue),
        }.Validate();

    /// <summary>The <c>/dependencies</c> window: <c>endTs</c> is required, <c>lookback</c> defaults.</summary>
    public (long EndTs, long Lookback) ParseDependencyWindow(HttpRequest request)
    {
        var endTs = QueryParameters.Long(request, "endTs") ?? throw new ArgumentException("endTs parameter is required");
        var lookback = QueryParameters.Long(request, "lookback") ?? DefaultLookback;
        QueryRequestValidation.ValidateWindow(endTs, lookback);
        return (endTs, lookback);
    }

    private long DefaultLookback => (long)defaultLookback.TotalMilliseconds;
}

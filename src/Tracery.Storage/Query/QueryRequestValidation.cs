namespace Tracery.Storage.Query;

/// <summary>
/// Zipkin's <c>QueryRequest.Builder.build()</c>: coerces names and rejects bad windows with the exact
/// messages Zipkin answers 400 with.
/// </summary>
public static class QueryRequestValidation
{
    /// <summary>
    /// Returns the request with names lower-cased, "" (and span name "all") as absent; throws
    /// <see cref="ArgumentException"/> whose message is Zipkin's (e.g. "limit &lt;= 0").
    /// </summary>
    public static QueryRequest Validate(this QueryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.EndTs <= 0) throw new ArgumentException("endTs <= 0");
        if (request.Limit <= 0) throw new ArgumentException("limit <= 0");
        if (request.Lookback <= 0) throw new ArgumentException("lookback <= 0");
        if (request.MinDuration is { } min)
        {
            if (min <= 0) throw new ArgumentException("minDuration <= 0");
            if (request.MaxDuration is { } max && max < min) throw new ArgumentException("maxDuration < minDuration");
        }
        else if (request.MaxDuration is not null)
        {
            throw new ArgumentException("maxDuration is only valid with minDuration");
        }

        var spanName = Coerce(request.SpanName);
        return request with
        {
            ServiceName = Coerce(request.ServiceName),
            RemoteServiceName = Coerce(request.RemoteServiceName),
            SpanName = spanName == "all" ? null : spanName,
        };
    }

    /// <summary>The dependency query's checks: "endTs &lt;= 0" and "lookback &lt;= 0".</summary>
    public static void ValidateWindow(long endTs, long lookback)
    {
        if (endTs <= 0) throw new ArgumentException("endTs <= 0");
        if (lookback <= 0) throw new ArgumentException("lookback <= 0");
    }

    static string? Coerce(string? name) => string.IsNullOrEmpty(name) ? null : name.ToLowerInvariant();
}

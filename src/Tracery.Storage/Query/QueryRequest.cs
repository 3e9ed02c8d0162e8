namespace Tracery.Storage.Query;

/// <summary>
/// A trace search, as Zipkin's <c>QueryRequest</c>: names are lower-cased, <see cref="AnnotationQuery"/>
/// maps a tag key to its value or an annotation value to "" (§1.2, §3.3). Times are epoch milliseconds.
/// </summary>
public sealed record QueryRequest
{
    public string? ServiceName { get; init; }
    public string? RemoteServiceName { get; init; }
    public string? SpanName { get; init; }
    public IReadOnlyDictionary<string, string> AnnotationQuery { get; init; } = new Dictionary<string, string>();
    /// <summary>Microseconds, or null.</summary>
    public long? MinDuration { get; init; }
    /// <summary>Microseconds, or null.</summary>
    public long? MaxDuration { get; init; }
    public required long EndTs { get; init; }
    public required long Lookback { get; init; }
    public required int Limit { get; init; }
}

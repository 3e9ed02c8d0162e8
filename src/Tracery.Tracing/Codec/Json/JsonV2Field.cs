namespace Tracery.Tracing.Codec.Json;

/// <summary>The fields of a v2 span, in the order Zipkin writes them.</summary>
internal enum JsonV2Field
{
    Unknown,
    TraceId,
    ParentId,
    Id,
    Kind,
    Name,
    Timestamp,
    Duration,
    LocalEndpoint,
    RemoteEndpoint,
    Annotations,
    Tags,
    Debug,
    Shared,
}

namespace Tracery.Tracing.Codec.Json;

/// <summary>The fields of a v1 span.</summary>
internal enum JsonV1Field
{
    Unknown,
    TraceId,
    Id,
    Name,
    ParentId,
    Timestamp,
    Duration,
    Annotations,
    BinaryAnnotations,
    Debug,
}

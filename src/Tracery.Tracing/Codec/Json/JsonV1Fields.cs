namespace Tracery.Tracing.Codec.Json;

using System.Text.Json;

/// <summary>Maps a v1 property name token to a <see cref="JsonV1Field"/> without allocating a string.</summary>
internal static class JsonV1Fields
{
    public readonly record struct Match(JsonV1Field Id, string Name);

    static readonly (byte[] Utf8, Match Match)[] Known =
    [
        ("traceId"u8.ToArray(), new(JsonV1Field.TraceId, "traceId")),
        ("id"u8.ToArray(), new(JsonV1Field.Id, "id")),
        ("name"u8.ToArray(), new(JsonV1Field.Name, "name")),
        ("parentId"u8.ToArray(), new(JsonV1Field.ParentId, "parentId")),
        ("timestamp"u8.ToArray(), new(JsonV1Field.Timestamp, "timestamp")),
        ("duration"u8.ToArray(), new(JsonV1Field.Duration, "duration")),
        ("annotations"u8.ToArray(), new(JsonV1Field.Annotations, "annotations")),
        ("binaryAnnotations"u8.ToArray(), new(JsonV1Field.BinaryAnnotations, "binaryAnnotations")),
        ("debug"u8.ToArray(), new(JsonV1Field.Debug, "debug")),
    ];

    public static Match Of(ref Utf8JsonReader reader)
    {
        foreach (var (utf8, match) in Known)
        {
            if (reader.ValueTextEquals(utf8)) return match;
        }
        return new(JsonV1Field.Unknown, reader.GetString()!);
    }
}

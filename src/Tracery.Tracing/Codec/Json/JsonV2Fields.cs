namespace Tracery.Tracing.Codec.Json;

using System.Text.Json;

/// <summary>Maps a property name token to a <see cref="JsonV2Field"/> without allocating a string.</summary>
internal static class JsonV2Fields
{
    public readonly record struct Match(JsonV2Field Id, string Name);

    static readonly (byte[] Utf8, Match Match)[] Known =
    [
        ("traceId"u8.ToArray(), new(JsonV2Field.TraceId, "traceId")),
        ("id"u8.ToArray(), new(JsonV2Field.Id, "id")),
        ("parentId"u8.ToArray(), new(JsonV2Field.ParentId, "parentId")),
        ("kind"u8.ToArray(), new(JsonV2Field.Kind, "kind")),
        ("name"u8.ToArray(), new(JsonV2Field.Name, "name")),
        ("timestamp"u8.ToArray(), new(JsonV2Field.Timestamp, "timestamp")),
        ("duration"u8.ToArray(), new(JsonV2Field.Duration, "duration")),
        ("localEndpoint"u8.ToArray(), new(JsonV2Field.LocalEndpoint, "localEndpoint")),
        ("remoteEndpoint"u8.ToArray(), new(JsonV2Field.RemoteEndpoint, "remoteEndpoint")),
        ("annotations"u8.ToArray(), new(JsonV2Field.Annotations, "annotations")),
        ("tags"u8.ToArray(), new(JsonV2Field.Tags, "tags")),
        ("debug"u8.ToArray(), new(JsonV2Field.Debug, "debug")),
        ("shared"u8.ToArray(), new(JsonV2Field.Shared, "shared")),
    ];

    public static Match Of(ref Utf8JsonReader reader)
    {
        foreach (var (utf8, match) in Known)
        {
            if (reader.ValueTextEquals(utf8)) return match;
        }
        return new(JsonV2Field.Unknown, reader.GetString()!);
    }
}

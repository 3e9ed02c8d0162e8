namespace Tracery.Tracing.Codec.Json;

using System.Text.Json;
using Tracery.Tracing.Model;

/// <summary>
/// Reads Zipkin v2 JSON spans with <see cref="Utf8JsonReader"/>, field by field as Zipkin's <c>V2SpanReader</c>:
/// unknown fields and nulls on optional fields are skipped, a null tag value or an incomplete annotation is an
/// error. Every value goes through <see cref="SpanBuilder"/>, so what comes out is normalised.
/// </summary>
internal static class JsonV2SpanReader
{
    static readonly JsonFieldNames<JsonV2Field> Fields = new(
        ("traceId", JsonV2Field.TraceId), ("id", JsonV2Field.Id), ("parentId", JsonV2Field.ParentId), ("kind", JsonV2Field.Kind),
        ("name", JsonV2Field.Name), ("timestamp", JsonV2Field.Timestamp), ("duration", JsonV2Field.Duration),
        ("localEndpoint", JsonV2Field.LocalEndpoint), ("remoteEndpoint", JsonV2Field.RemoteEndpoint),
        ("annotations", JsonV2Field.Annotations), ("tags", JsonV2Field.Tags), ("debug", JsonV2Field.Debug), ("shared", JsonV2Field.Shared));

    [ThreadStatic] static SpanBuilder? threadBuilder;

    /// <summary>Reads the span object the reader is positioned on (its StartObject token).</summary>
    public static Span Read(ref Utf8JsonReader reader, int spanIndex)
    {
        var builder = threadBuilder ??= new SpanBuilder();
        builder.Clear();
        var path = new JsonPath(spanIndex);
        JsonValues.Expect(ref reader, JsonTokenType.StartObject, path);
        Endpoint? local = null, remote = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Fields.Of(ref reader);
            reader.Read();
            path.Enter(field.Name);
            if (field.Id is JsonV2Field.TraceId)
            {
                builder.TraceId(JsonValues.String(ref reader, path));
                continue;
            }
            if (field.Id is JsonV2Field.Id)
            {
                builder.Id(JsonValues.String(ref reader, path));
                continue;
            }
            if (reader.TokenType == JsonTokenType.Null) continue;
            switch (field.Id)
            {
                case JsonV2Field.ParentId: builder.ParentId(JsonValues.String(ref reader, path)); break;
                case JsonV2Field.Kind: builder.Kind(ReadKind(ref reader, path)); break;
                case JsonV2Field.Name: builder.Name(JsonValues.Pooled(ref reader, TextPools.Names, path)); break;
                case JsonV2Field.Timestamp: builder.Timestamp(JsonValues.Long(ref reader, path)); break;
                case JsonV2Field.Duration: builder.Duration(JsonValues.Long(ref reader, path)); break;
                case JsonV2Field.LocalEndpoint: local = JsonEndpointReader.Read(ref reader, path); break;
                case JsonV2Field.RemoteEndpoint: remote = JsonEndpointReader.Read(ref reader, path); break;
                case JsonV2Field.Annotations: ReadAnnotations(ref reader, builder, ref path); break;
                case JsonV2Field.Tags: ReadTags(ref reader, builder, ref path); break;
                case JsonV2Field.Debug: builder.Debug(JsonValues.Bool(ref reader, path)); break;
                case JsonV2Field.Shared: builder.Shared(JsonValues.Bool(ref reader, path)); break;
                default: reader.Skip(); break;
            }
        }
        return builder.NormalizedEndpoints(local, remote).Build();
    }

    static SpanKind ReadKind(ref Utf8JsonReader reader, in JsonPath path)
    {
        JsonValues.Expect(ref reader, JsonTokenType.String, path);
        if (reader.ValueTextEquals("CLIENT"u8)) return SpanKind.Client;
        if (reader.ValueTextEquals("SERVER"u8)) return SpanKind.Server;
        if (reader.ValueTextEquals("PRODUCER"u8)) return SpanKind.Producer;
        if (reader.ValueTextEquals("CONSUMER"u8)) return SpanKind.Consumer;
        // Zipkin's message comes from Java's Enum.valueOf; clients match on it, so it is kept verbatim.
        throw new ArgumentException("No enum constant zipkin2.Span.Kind." + reader.GetString());
    }

    static void ReadAnnotations(ref Utf8JsonReader reader, SpanBuilder builder, ref JsonPath path)
    {
        JsonValues.Expect(ref reader, JsonTokenType.StartArray, path);
        path.ItemIndex = 0;
        for (; reader.Read() && reader.TokenType != JsonTokenType.EndArray; path.ItemIndex++)
        {
            path.Key = null;
            JsonValues.Expect(ref reader, JsonTokenType.StartObject, path);
            long? timestamp = null;
            string? value = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTimestamp = reader.ValueTextEquals("timestamp"u8);
                var isValue = !isTimestamp && reader.ValueTextEquals("value"u8);
                path.Key = isTimestamp ? "timestamp" : isValue ? "value" : reader.GetString();
                reader.Read();
                if (isTimestamp) timestamp = JsonValues.Long(ref reader, path);
                else if (isValue) value = reader.TokenType == JsonTokenType.Null ? null : JsonValues.Pooled(ref reader, TextPools.Plain, path);
                else reader.Skip();
            }
            if (timestamp is null || value is null) throw new ArgumentException($"Incomplete annotation at {path}");
            builder.AddAnnotation(timestamp.Value, value);
        }
    }

    static void ReadTags(ref Utf8JsonReader reader, SpanBuilder builder, ref JsonPath path)
    {
        JsonValues.Expect(ref reader, JsonTokenType.StartObject, path);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.ValueIsEscaped ? reader.GetString()! : TextPools.Plain.Get(reader.ValueSpan);
            path.Key = key;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) throw new ArgumentException($"No value at {path}");
            builder.PutTag(key, JsonValues.Pooled(ref reader, TextPools.Plain, path));
        }
    }
}

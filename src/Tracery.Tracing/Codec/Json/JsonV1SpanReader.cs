namespace Tracery.Tracing.Codec.Json;

using System.Text.Json;
using Tracery.Tracing.Codec.V1;
using Tracery.Tracing.Model;

/// <summary>
/// Reads one Zipkin v1 JSON span (Zipkin's <c>V1JsonSpanReader</c>) into a <see cref="V1Span"/>: ids as numbers,
/// annotations with their endpoints, binary annotations kept only when they are strings (tags) or <c>true</c>
/// address annotations (ca, sa, ma) with an endpoint; numbers and other types are dropped.
/// </summary>
internal static class JsonV1SpanReader
{
    static readonly JsonFieldNames<JsonV1Field> Fields = new(
        ("traceId", JsonV1Field.TraceId), ("id", JsonV1Field.Id), ("name", JsonV1Field.Name), ("parentId", JsonV1Field.ParentId),
        ("timestamp", JsonV1Field.Timestamp), ("duration", JsonV1Field.Duration), ("annotations", JsonV1Field.Annotations),
        ("binaryAnnotations", JsonV1Field.BinaryAnnotations), ("debug", JsonV1Field.Debug));

    public static void Read(ref Utf8JsonReader reader, int spanIndex, V1Span span)
    {
        span.Clear();
        var path = new JsonPath(spanIndex);
        JsonValues.Expect(ref reader, JsonTokenType.StartObject, path);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Fields.Of(ref reader);
            reader.Read();
            path.Enter(field.Name);
            if (field.Id is JsonV1Field.TraceId)
            {
                var traceId = JsonValues.String(ref reader, path);
                span.TraceIdHigh = V1Ids.High(traceId);
                span.TraceId = V1Ids.Low(traceId);
                continue;
            }
            if (field.Id is JsonV1Field.Id)
            {
                span.Id = V1Ids.Low(JsonValues.String(ref reader, path));
                continue;
            }
            if (reader.TokenType == JsonTokenType.Null) continue;
            switch (field.Id)
            {
                case JsonV1Field.Name: span.SetName(JsonValues.Pooled(ref reader, TextPools.Names, path)); break;
                case JsonV1Field.ParentId: span.ParentId = V1Ids.Low(JsonValues.String(ref reader, path)); break;
                case JsonV1Field.Timestamp: span.Timestamp = JsonValues.Long(ref reader, path); break;
                case JsonV1Field.Duration: span.Duration = JsonValues.Long(ref reader, path); break;
                case JsonV1Field.Annotations: ReadAnnotations(ref reader, span, ref path); break;
                case JsonV1Field.BinaryAnnotations: ReadBinaryAnnotations(ref reader, span, ref path); break;
                case JsonV1Field.Debug: span.Debug = JsonValues.Bool(ref reader, path); break;
                default: reader.Skip(); break;
            }
        }
        span.Validate();
    }

    static void ReadAnnotations(ref Utf8JsonReader reader, V1Span span, ref JsonPath path)
    {
        JsonValues.Expect(ref reader, JsonTokenType.StartArray, path);
        for (path.ItemIndex = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; path.ItemIndex++)
        {
            path.Key = null;
            JsonValues.Expect(ref reader, JsonTokenType.StartObject, path);
            long? timestamp = null;
            string? value = null;
            Endpoint? endpoint = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = NameOf(ref reader);
                path.Key = name;
                reader.Read();
                if (name == "timestamp") timestamp = JsonValues.Long(ref reader, path);
                else if (name == "value") value = reader.TokenType == JsonTokenType.Null ? null : JsonValues.Pooled(ref reader, TextPools.Plain, path);
                else if (name == "endpoint" && reader.TokenType != JsonTokenType.Null) endpoint = JsonEndpointReader.Read(ref reader, path);
                else reader.Skip();
            }
            if (timestamp is null || value is null) throw new ArgumentException($"Incomplete annotation at {path}");
            span.AddAnnotation(timestamp.Value, value, endpoint);
        }
    }

    static void ReadBinaryAnnotations(ref Utf8JsonReader reader, V1Span span, ref JsonPath path)
    {
        JsonValues.Expect(ref reader, JsonTokenType.StartArray, path);
        for (path.ItemIndex = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; path.ItemIndex++)
        {
            path.Key = null;
            JsonValues.Expect(ref reader, JsonTokenType.StartObject, path);
            string? key = null, text = null;
            bool? flag = null;
            Endpoint? endpoint = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = NameOf(ref reader);
                path.Key = name;
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (name == "key") key = JsonValues.Pooled(ref reader, TextPools.Plain, path);
                else if (name == "value" && reader.TokenType == JsonTokenType.String) text = JsonValues.Pooled(ref reader, TextPools.Plain, path);
                else if (name == "value" && reader.TokenType is JsonTokenType.True or JsonTokenType.False) flag = reader.GetBoolean();
                else if (name == "endpoint") endpoint = JsonEndpointReader.Read(ref reader, path);
                else reader.Skip();
            }
            if (key is null) throw new ArgumentException($"No key at {path}");
            if (text is not null) span.AddTag(key, text, endpoint);
            else if (flag == true && endpoint is not null && key is "sa" or "ca" or "ma") span.AddAddress(key, endpoint);
        }
    }

    /// <summary>The few names inside v1 annotations, as shared constants (no allocation per event).</summary>
    static string? NameOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("timestamp"u8) ? "timestamp"
        : reader.ValueTextEquals("value"u8) ? "value"
        : reader.ValueTextEquals("endpoint"u8) ? "endpoint"
        : reader.ValueTextEquals("key"u8) ? "key"
        : reader.GetString();
}

namespace Tracery.Tracing.Codec.Json;

using System.Text.Json;
using Tracery.Tracing.Codec.V1;
using Tracery.Tracing.Model;

/// <summary>Reads a JSON array of v1 spans and converts each to v2, with Zipkin's error messages.</summary>
internal static class JsonV1ListReader
{
    [ThreadStatic] static V1Span? threadSpan;
    [ThreadStatic] static V1SpanConverter? threadConverter;

    public static void ReadList(ReadOnlySpan<byte> json, List<Span> into)
    {
        if (json.IsEmpty) return;
        var span = threadSpan ??= new V1Span();
        var converter = threadConverter ??= new V1SpanConverter();
        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            JsonValues.Expect(ref reader, JsonTokenType.StartArray, new JsonPath(-1));
            for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                JsonV1SpanReader.Read(ref reader, index, span);
                converter.Convert(span, into);
            }
            if (reader.Read()) throw new JsonException("malformed: content after the end");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw JsonV2ListReader.Failure("List<Span>", e);
        }
    }
}

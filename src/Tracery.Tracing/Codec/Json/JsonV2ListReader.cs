namespace Tracery.Tracing.Codec.Json;

using System.Text.Json;
using Tracery.Tracing.Model;

/// <summary>
/// Reads a JSON array of v2 spans, or one span, turning every failure into Zipkin's message
/// (<c>JsonCodec.exceptionReading</c>): "&lt;cause&gt; reading List&lt;Span&gt; from json", with syntax errors
/// reported as "Malformed".
/// </summary>
internal static class JsonV2ListReader
{
    const string ListType = "List<Span>";
    const string SpanType = "Span";

    public static void ReadList(ReadOnlySpan<byte> json, List<Span> into)
    {
        if (json.IsEmpty) return;
        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            JsonValues.Expect(ref reader, JsonTokenType.StartArray, new JsonPath(-1));
            for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                into.Add(JsonV2SpanReader.Read(ref reader, index));
            }
            EnsureEnd(ref reader);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw Failure(ListType, e);
        }
    }

    public static Span ReadOne(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty) throw new SpanDecodeException("Empty input reading Span from json");
        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            var span = JsonV2SpanReader.Read(ref reader, -1);
            EnsureEnd(ref reader);
            return span;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw Failure(SpanType, e);
        }
    }

    /// <summary>Trailing content after the value is a syntax error (the reader throws on it).</summary>
    static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read()) throw new JsonException("malformed: content after the end");
    }

    internal static SpanDecodeException Failure(string type, Exception e)
    {
        var cause = e is JsonException || e.Message.Contains("Expected BEGIN_OBJECT", StringComparison.Ordinal)
            ? "Malformed"
            : e.Message;
        return new SpanDecodeException($"{cause} reading {type} from json", e);
    }
}

namespace Tracery.Tracing.Codec.Json;

using System.Buffers.Text;
using System.Text.Json;

/// <summary>
/// Typed reads of the current value with Zipkin's (Gson-derived) messages, e.g. <c>Expected a string but was
/// BOOLEAN at path $.tags.error</c>. Like Gson, a number may also arrive as a quoted string.
/// </summary>
internal static class JsonValues
{
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType type, in JsonPath path)
    {
        if (reader.TokenType != type)
        {
            var expected = type == JsonTokenType.String ? "a string" : Describe(type);
            throw new ArgumentException($"Expected {expected} but was {Describe(reader.TokenType)} at path {path}");
        }
    }

    public static string String(ref Utf8JsonReader reader, in JsonPath path)
    {
        Expect(ref reader, JsonTokenType.String, path);
        return reader.GetString()!;
    }

    /// <summary>A string through a pool; escaped text bypasses it (the pool keys on raw bytes).</summary>
    public static T Pooled<T>(ref Utf8JsonReader reader, Utf8Pool<T> pool, in JsonPath path) where T : class?
    {
        Expect(ref reader, JsonTokenType.String, path);
        if (!reader.ValueIsEscaped) return pool.Get(reader.ValueSpan);
        // Unescape into scratch space, never into an intermediate string: the pool makes the one string needed.
        var length = reader.ValueSpan.Length;
        var rented = length > 256 ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> unescaped = rented ?? stackalloc byte[length];
            return pool.Get(unescaped[..reader.CopyString(unescaped)]);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static long Long(ref Utf8JsonReader reader, in JsonPath path)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out var value)) return value;
            if (reader.TryGetDouble(out var real) && real == Math.Floor(real) && Math.Abs(real) < 9.2e18) return (long)real;
        }
        else if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
                 && Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var used) && used == reader.ValueSpan.Length)
        {
            return parsed;
        }
        throw new ArgumentException($"Expected a long but was {Describe(reader.TokenType)} at path {path}");
    }

    public static int Int(ref Utf8JsonReader reader, in JsonPath path)
    {
        var value = Long(ref reader, path);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new ArgumentException($"Expected an int but was {value} at path {path}");
    }

    public static bool Bool(ref Utf8JsonReader reader, in JsonPath path) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new ArgumentException($"Expected a boolean but was {Describe(reader.TokenType)} at path {path}"),
    };

    /// <summary>Gson's token names, which Zipkin's messages carry.</summary>
    static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.String => "STRING",
        JsonTokenType.StartObject => "BEGIN_OBJECT",
        JsonTokenType.StartArray => "BEGIN_ARRAY",
        JsonTokenType.EndObject => "END_OBJECT",
        JsonTokenType.EndArray => "END_ARRAY",
        JsonTokenType.Number => "NUMBER",
        JsonTokenType.True or JsonTokenType.False => "BOOLEAN",
        JsonTokenType.Null => "NULL",
        JsonTokenType.PropertyName => "NAME",
        _ => type.ToString().ToUpperInvariant(),
    };
}

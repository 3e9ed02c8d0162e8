namespace Tracery.Mesh.Config.Json;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>Writes a value as its text form (paths, dtabs, prefixes), which is how a config spells them.</summary>
public sealed class TextJsonConverter<T> : JsonConverter<T>
    where T : class
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} is written as text and read by the config loader, not by JSON");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

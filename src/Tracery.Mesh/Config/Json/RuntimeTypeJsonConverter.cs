namespace Tracery.Mesh.Config.Json;

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// Writes a config kind with all the keys of its concrete type (a namer list is typed by its base record), so
/// <c>/config.json</c> shows <c>rootDir</c> and friends. Kinds registered later need nothing extra.
/// </summary>
public sealed class RuntimeTypeJsonConverter<T> : JsonConverter<T>
    where T : class
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} is read by the config loader, not by JSON");

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached from /config.json's reflection path, which is off in trimmed and AOT builds.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reached from /config.json's reflection path, which is off in trimmed and AOT builds.")]
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), options);
}

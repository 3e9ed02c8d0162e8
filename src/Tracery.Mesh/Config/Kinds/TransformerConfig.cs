namespace Tracery.Mesh.Config.Kinds;

/// <summary>An <c>interpreter.transformers</c> entry. Bound ids it produces start with <c>/%</c> + its prefix.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.RuntimeTypeJsonConverter<TransformerConfig>))]
public abstract record TransformerConfig(string Kind);

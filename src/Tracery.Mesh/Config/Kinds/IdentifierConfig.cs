namespace Tracery.Mesh.Config.Kinds;

/// <summary>A router's <c>identifier</c> entry: how a request becomes a destination path under the router's <c>dstPrefix</c>.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.RuntimeTypeJsonConverter<IdentifierConfig>))]
public abstract record IdentifierConfig(string Kind);

namespace Tracery.Mesh.Admin;

using System.Text.Json.Serialization;

/// <summary>
/// Source-generated JSON for the admin answers that are plain records, so they work in the Native AOT
/// <c>tracery-mesh</c> build, where reflection-based serialization is off. Strings are here because
/// <c>Results.NotFound(message)</c> and <c>Results.BadRequest(message)</c> write their message as JSON.
/// Web defaults (camelCase) match what reflection-based <c>Results.Json</c> wrote before.
/// </summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<RecentRequest>))]
[JsonSerializable(typeof(string))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;

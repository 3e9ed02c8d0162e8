namespace Tracery.Mesh.Admin;

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

/// <summary>
/// <c>/config.json</c>: the loaded config written by reflection, so every config kind shows its own keys with no
/// registration. Reflection-based JSON is off in the Native AOT build, where this answers null (the endpoint says
/// so) instead of failing at run time.
/// </summary>
internal static class ConfigJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Guarded by IsReflectionEnabledByDefault, which is false in trimmed and AOT builds.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Guarded by IsReflectionEnabledByDefault, which is false in trimmed and AOT builds.")]
    public static string? Write(object config) =>
        JsonSerializer.IsReflectionEnabledByDefault ? JsonSerializer.Serialize(config, config.GetType(), Indented) : null;
}

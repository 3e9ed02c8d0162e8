namespace Tracery.Mesh.Config;

using System.Collections.Immutable;
using Tracery.Mesh.Config.Kinds;
using Tracery.Mesh.Config.Routing;

/// <summary>A whole Linkerd-1 config, as loaded by <see cref="MeshConfigLoader"/>; immutable, defaults filled in.</summary>
public sealed record MeshConfig(
    AdminConfig Admin,
    ImmutableArray<NamerConfig> Namers,
    ImmutableArray<TelemeterConfig> Telemetry,
    UsageConfig Usage,
    ImmutableArray<RouterConfig> Routers)
{
    /// <summary>Where each key stood in the file; use <see cref="ConfigPositions.Error"/> for errors found after loading.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ConfigPositions Positions { get; init; } = ConfigPositions.Empty;
}

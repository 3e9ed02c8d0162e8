namespace Tracery.Mesh.Config.Kinds;

using Tracery.Mesh.Naming;

/// <summary><c>io.l5d.replace</c>: every bound name becomes <see cref="Path"/> (negative stays negative).</summary>
public sealed record ReplaceTransformerConfig(NamePath Path) : TransformerConfig("io.l5d.replace")
{
    public static ReplaceTransformerConfig Read(ConfigSection section) => new(section.NamePath("path") ?? throw section.Missing("path"));
}

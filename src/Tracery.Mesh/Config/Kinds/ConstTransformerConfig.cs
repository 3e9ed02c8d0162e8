namespace Tracery.Mesh.Config.Kinds;

using Tracery.Mesh.Naming;

/// <summary><c>io.l5d.const</c>: every resolution becomes <see cref="Path"/>, whatever the dtab said.</summary>
public sealed record ConstTransformerConfig(NamePath Path) : TransformerConfig("io.l5d.const")
{
    public static ConstTransformerConfig Read(ConfigSection section) => new(section.NamePath("path") ?? throw section.Missing("path"));
}

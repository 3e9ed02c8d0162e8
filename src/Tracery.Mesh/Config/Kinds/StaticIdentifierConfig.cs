namespace Tracery.Mesh.Config.Kinds;

using Tracery.Mesh.Naming;

/// <summary><c>io.l5d.static</c>: always <see cref="Path"/>.</summary>
public sealed record StaticIdentifierConfig(NamePath Path) : IdentifierConfig("io.l5d.static")
{
    public static StaticIdentifierConfig Read(ConfigSection section) => new(section.NamePath("path") ?? throw section.Missing("path"));
}

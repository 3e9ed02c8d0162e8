namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.header</c>: the value of <see cref="Header"/> read as a path.</summary>
public sealed record HeaderPathIdentifierConfig(string Header = "l5d-name") : IdentifierConfig("io.l5d.header")
{
    public static HeaderPathIdentifierConfig Read(ConfigSection section) => new(section.String("header") ?? "l5d-name");
}

namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.header.token</c> (the default): the value of <see cref="Header"/> as one path segment.</summary>
public sealed record HeaderTokenIdentifierConfig(string Header = "Host") : IdentifierConfig("io.l5d.header.token")
{
    public static HeaderTokenIdentifierConfig Read(ConfigSection section) => new(section.String("header") ?? "Host");
}

namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.port</c>: every address gets <see cref="Port"/>.</summary>
public sealed record PortTransformerConfig(int Port) : TransformerConfig("io.l5d.port")
{
    public static PortTransformerConfig Read(ConfigSection section) =>
        new(section.Int("port", 1, 65535) ?? throw section.Missing("port"));
}

namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.specificHost</c>: keep only addresses equal to <see cref="Host"/>.</summary>
public sealed record SpecificHostTransformerConfig(string Host) : TransformerConfig("io.l5d.specificHost")
{
    public static SpecificHostTransformerConfig Read(ConfigSection section) => new(section.RequireString("host"));
}

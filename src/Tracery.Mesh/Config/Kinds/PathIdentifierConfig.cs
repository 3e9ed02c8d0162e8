namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.path</c>: the first <see cref="Segments"/> path segments, stripped before proxying when <see cref="Consume"/>.</summary>
public sealed record PathIdentifierConfig(int Segments = 1, bool Consume = false) : IdentifierConfig("io.l5d.path")
{
    public static PathIdentifierConfig Read(ConfigSection section) =>
        new(section.Int("segments", 1, 1000) ?? 1, section.Bool("consume") ?? false);
}

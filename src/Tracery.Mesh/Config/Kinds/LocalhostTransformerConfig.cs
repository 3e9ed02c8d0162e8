namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.localhost</c>: keep only addresses on this host's interfaces.</summary>
public sealed record LocalhostTransformerConfig() : TransformerConfig("io.l5d.localhost");

namespace Tracery.Mesh.Config.Kinds;

using Tracery.Mesh.Naming;

/// <summary>A router's <c>identifier</c> entry: how a request becomes a destination path under the router's <c>dstPrefix</c>.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.RuntimeTypeJsonConverter<IdentifierConfig>))]
public abstract record IdentifierConfig(string Kind);

/// <summary><c>io.l5d.header.token</c> (the default): the value of <see cref="Header"/> as one path segment.</summary>
public sealed record HeaderTokenIdentifierConfig(string Header = "Host") : IdentifierConfig("io.l5d.header.token")
{
    public static HeaderTokenIdentifierConfig Read(ConfigSection section) => new(section.String("header") ?? "Host");
}

/// <summary><c>io.l5d.methodAndHost</c>: <c>/1.1/&lt;METHOD&gt;/&lt;host&gt;[/&lt;uri path&gt;]</c>.</summary>
public sealed record MethodAndHostIdentifierConfig(bool HttpUriInDst = false) : IdentifierConfig("io.l5d.methodAndHost")
{
    public static MethodAndHostIdentifierConfig Read(ConfigSection section) => new(section.Bool("httpUriInDst") ?? false);
}

/// <summary><c>io.l5d.path</c>: the first <see cref="Segments"/> path segments, stripped before proxying when <see cref="Consume"/>.</summary>
public sealed record PathIdentifierConfig(int Segments = 1, bool Consume = false) : IdentifierConfig("io.l5d.path")
{
    public static PathIdentifierConfig Read(ConfigSection section) =>
        new(section.Int("segments", 1, 1000) ?? 1, section.Bool("consume") ?? false);
}

/// <summary><c>io.l5d.header</c>: the value of <see cref="Header"/> read as a path.</summary>
public sealed record HeaderPathIdentifierConfig(string Header = "l5d-name") : IdentifierConfig("io.l5d.header")
{
    public static HeaderPathIdentifierConfig Read(ConfigSection section) => new(section.String("header") ?? "l5d-name");
}

/// <summary><c>io.l5d.static</c>: always <see cref="Path"/>.</summary>
public sealed record StaticIdentifierConfig(NamePath Path) : IdentifierConfig("io.l5d.static")
{
    public static StaticIdentifierConfig Read(ConfigSection section) => new(section.NamePath("path") ?? throw section.Missing("path"));
}

namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.methodAndHost</c>: <c>/1.1/&lt;METHOD&gt;/&lt;host&gt;[/&lt;uri path&gt;]</c>.</summary>
public sealed record MethodAndHostIdentifierConfig(bool HttpUriInDst = false) : IdentifierConfig("io.l5d.methodAndHost")
{
    public static MethodAndHostIdentifierConfig Read(ConfigSection section) => new(section.Bool("httpUriInDst") ?? false);
}

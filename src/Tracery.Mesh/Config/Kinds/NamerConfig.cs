namespace Tracery.Mesh.Config.Kinds;

using Tracery.Mesh.Naming;

/// <summary>A <c>namers:</c> entry. <see cref="Prefix"/> is where dtabs reach it: <c>/#/&lt;prefix&gt;</c> (default: the kind).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.RuntimeTypeJsonConverter<NamerConfig>))]
public abstract record NamerConfig(string Kind, NamePath Prefix, bool Experimental)
{
    /// <summary>Reads the keys every namer has; a kind's reader calls this first.</summary>
    public static (NamePath Prefix, bool Experimental) ReadCommon(ConfigSection section, string kind) =>
        (section.NamePath("prefix") ?? NamePath.Of(kind), section.Bool("experimental") ?? false);
}

namespace Tracery.Mesh.Config.Kinds;

/// <summary>A <c>telemetry:</c> entry.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.RuntimeTypeJsonConverter<TelemeterConfig>))]
public abstract record TelemeterConfig(string Kind)
{
    /// <summary>Linkerd's default: trace 0.1% of requests.</summary>
    public const double DefaultSampleRate = 0.001;

    internal static double ReadSampleRate(ConfigSection section) => section.Double("sampleRate", 0, 1) ?? DefaultSampleRate;
}

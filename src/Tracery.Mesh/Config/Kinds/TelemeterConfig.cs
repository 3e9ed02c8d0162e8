namespace Tracery.Mesh.Config.Kinds;

/// <summary>A <c>telemetry:</c> entry.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Json.RuntimeTypeJsonConverter<TelemeterConfig>))]
public abstract record TelemeterConfig(string Kind)
{
    /// <summary>Linkerd's default: trace 0.1% of requests.</summary>
    public const double DefaultSampleRate = 0.001;

    internal static double ReadSampleRate(ConfigSection section) => section.Double("sampleRate", 0, 1) ?? DefaultSampleRate;
}

/// <summary><c>io.l5d.zipkin</c>: spans as Thrift over Scribe to <see cref="Host"/>:<see cref="Port"/>, as Linkerd 1.</summary>
public sealed record ZipkinScribeTelemeterConfig(string Host = "localhost", int Port = 9410, double SampleRate = TelemeterConfig.DefaultSampleRate)
    : TelemeterConfig("io.l5d.zipkin")
{
    public static ZipkinScribeTelemeterConfig Read(ConfigSection section) =>
        new(section.String("host") ?? "localhost", section.Port("port") ?? 9410, ReadSampleRate(section));
}

/// <summary><c>io.zipkin.http</c> (the linkerd-zipkin plugin): JSON v2 POSTed to <c>http://&lt;host&gt;/api/v2/spans</c>.</summary>
public sealed record ZipkinHttpTelemeterConfig(string Host = "localhost:9411", double SampleRate = TelemeterConfig.DefaultSampleRate)
    : TelemeterConfig("io.zipkin.http")
{
    public static ZipkinHttpTelemeterConfig Read(ConfigSection section) =>
        new(section.String("host") ?? "localhost:9411", ReadSampleRate(section));
}

/// <summary><c>io.l5d.prometheus</c>: metrics in Prometheus text at <see cref="Path"/> on the admin server.</summary>
public sealed record PrometheusTelemeterConfig(string Path = "/admin/metrics/prometheus", string Prefix = "")
    : TelemeterConfig("io.l5d.prometheus")
{
    public static PrometheusTelemeterConfig Read(ConfigSection section) =>
        new(section.String("path") ?? "/admin/metrics/prometheus", section.String("prefix") ?? string.Empty);
}

/// <summary><c>io.l5d.recentRequests</c>: the admin <c>/requests</c> page keeps the last <see cref="Capacity"/> sampled requests.</summary>
public sealed record RecentRequestsTelemeterConfig(double SampleRate, int Capacity = 10) : TelemeterConfig("io.l5d.recentRequests")
{
    public static RecentRequestsTelemeterConfig Read(ConfigSection section) =>
        new(section.Double("sampleRate", 0, 1) ?? throw section.Missing("sampleRate"), section.Int("capacity", 1, 100_000) ?? 10);
}

namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.prometheus</c>: metrics in Prometheus text at <see cref="Path"/> on the admin server.</summary>
public sealed record PrometheusTelemeterConfig(string Path = "/admin/metrics/prometheus", string Prefix = "")
    : TelemeterConfig("io.l5d.prometheus")
{
    public static PrometheusTelemeterConfig Read(ConfigSection section) =>
        new(section.String("path") ?? "/admin/metrics/prometheus", section.String("prefix") ?? string.Empty);
}

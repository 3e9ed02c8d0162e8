namespace Tracery.Mesh.Telemetry;

using Tracery.Mesh.Config.Kinds;
using Tracery.Mesh.Tracing;

/// <summary>From the loaded config's <c>telemetry</c> entries and <c>tracePropagator</c> kinds to tracing settings.</summary>
public static class TelemeterMapping
{
    /// <summary>The tracing telemeters among <paramref name="configs"/>; others (<c>io.l5d.prometheus</c>) are not tracing and are skipped.</summary>
    public static IReadOnlyList<TelemeterOptions> Tracing(IEnumerable<TelemeterConfig> configs) =>
        configs.Select(Map).OfType<TelemeterOptions>().ToList();

    /// <summary>A router's <c>tracePropagator</c> kind: <c>io.l5d.zipkin</c> is B3, anything else Linkerd's default.</summary>
    public static TracePropagation Propagation(string kind) =>
        kind == "io.l5d.zipkin" ? TracePropagation.Zipkin : TracePropagation.Linkerd;

    private static TelemeterOptions? Map(TelemeterConfig config) => config switch
    {
        ZipkinScribeTelemeterConfig scribe => new ZipkinScribeOptions(scribe.Host, scribe.Port, scribe.SampleRate),
        ZipkinHttpTelemeterConfig http => new ZipkinHttpOptions(http.Host, SampleRate: http.SampleRate),
        RecentRequestsTelemeterConfig recent => new RecentRequestsOptions(recent.SampleRate, recent.Capacity),
        _ => null,
    };
}

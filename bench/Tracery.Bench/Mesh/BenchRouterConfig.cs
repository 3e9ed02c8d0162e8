namespace Tracery.Bench.Mesh;

using System.Globalization;

/// <summary>
/// The router every mesh benchmark measures: one `outgoing` router sending `bench` to the upstream, spans reported
/// over HTTP to the upstream's sink at <paramref name="sampleRate"/>. Ports 0 let an in-process host pick its own.
/// </summary>
internal static class BenchRouterConfig
{
    public static string Yaml(int upstreamPort, double sampleRate, int routerPort = 0, int adminPort = 0) => $"""
        admin:
          ip: 127.0.0.1
          port: {adminPort}
        telemetry:
        - kind: io.zipkin.http
          host: 127.0.0.1:{upstreamPort}
          sampleRate: {sampleRate.ToString(CultureInfo.InvariantCulture)}
        routers:
        - protocol: http
          label: outgoing
          dtab: /svc/bench => /$/inet/127.0.0.1/{upstreamPort}
          servers:
          - ip: 127.0.0.1
            port: {routerPort}
        """;
}

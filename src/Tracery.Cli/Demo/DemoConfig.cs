namespace Tracery.Cli.Demo;

using System.Globalization;
using System.Net;

/// <summary>
/// The files the demo's mesh runs on: the tutorial's <c>linkerd-zipkin.yml</c> config (linkerd.md §1.1)
/// once per node, with <c>io.l5d.fs</c> discovery in place of Kubernetes. The outgoing router's
/// <c>io.l5d.port</c> transformer sends every request to the incoming router of the node the app
/// runs on (the DaemonSet transformer's job), and the incoming router's <c>io.l5d.specificHost</c>
/// keeps only the node's own address (the localnode transformer's job).
/// </summary>
internal sealed record DemoConfig(string Directory, string DiscoveryDirectory, string NodeAPath, string NodeBPath)
{
    /// <summary>The file contents, by path, in the order <c>--show-config</c> prints them.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(DemoOptions options, string directory)
    {
        var config = Locate(directory);
        return
        [
            (Path.Combine(config.DiscoveryDirectory, "hello"), $"{options.NodeA} {options.Ports.Hello}\n"),
            (Path.Combine(config.DiscoveryDirectory, "world"), $"{options.NodeB} {options.Ports.World}\n"),
            (config.NodeAPath, NodeYaml(options, options.NodeA, "A", config.DiscoveryDirectory)),
            (config.NodeBPath, NodeYaml(options, options.NodeB, "B", config.DiscoveryDirectory)),
        ];
    }

    /// <summary>Writes the files under <paramref name="directory"/>.</summary>
    public static DemoConfig Write(DemoOptions options, string directory)
    {
        var config = Locate(directory);
        System.IO.Directory.CreateDirectory(config.DiscoveryDirectory);
        foreach (var (path, text) in Files(options, directory))
        {
            File.WriteAllText(path, text);
        }
        return config;
    }

    private static DemoConfig Locate(string directory) =>
        new(directory, Path.Combine(directory, "disco"), Path.Combine(directory, "node-a.yaml"), Path.Combine(directory, "node-b.yaml"));

    private static string NodeYaml(DemoOptions options, IPAddress node, string name, string discovery)
    {
        var p = options.Ports;
        var rate = options.SampleRate.ToString("0.0###", CultureInfo.InvariantCulture);
        // Only written when it differs from Linkerd's default, so the demo's config reads like the tutorial's.
        var propagator = options.TracePropagator == "io.l5d.default" ? "" : $"\n  tracePropagator:\n    kind: {options.TracePropagator}";
        return $"""
            # node {name} of `tracery demo`: the tutorial's linkerd-zipkin.yml, with io.l5d.fs in place of Kubernetes
            admin:
              ip: {node}
              port: {p.Admin}

            namers:
            - kind: io.l5d.fs
              rootDir: {discovery}

            telemetry:
            - kind: io.l5d.prometheus
            {Telemeter(options, rate)}
            - kind: io.l5d.recentRequests
              sampleRate: 0.25

            usage:
              enabled: false

            routers:
            - protocol: http
              label: outgoing{propagator}
              dtab: |
            {Dtab}
              interpreter:
                kind: default
                transformers:
                - kind: io.l5d.port
                  port: {p.Incoming}
              servers:
              - port: {p.Outgoing}
                ip: {node}
              service:
                responseClassifier:
                  kind: io.l5d.http.retryableRead5XX

            - protocol: http
              label: incoming{propagator}
              dtab: |
            {Dtab}
              interpreter:
                kind: default
                transformers:
                - kind: io.l5d.specificHost
                  host: {node}
              servers:
              - port: {p.Incoming}
                ip: {node}

            """;
    }

    private static string Telemeter(DemoOptions options, string rate) => options.Telemeter == "io.zipkin.http"
        ? $"- kind: io.zipkin.http\n  host: {options.ServerAddress}:{options.Ports.Http}\n  sampleRate: {rate}"
        : $"- kind: io.l5d.zipkin\n  host: {options.ServerAddress}\n  port: {options.Ports.Scribe}\n  sampleRate: {rate}";

    // The tutorial's dtab with its k8s namer swapped for io.l5d.fs. Its world-v1 rule is left out:
    // the discovery file is simply named "world".
    private const string Dtab = """
            /srv        => /#/io.l5d.fs;
            /host       => /srv;
            /svc        => /host;
        """;
}

namespace Tracery.Mesh.Tests.Config;

using Tracery.Mesh.Config;
using Tracery.Mesh.Config.Kinds;
using Tracery.Mesh.Config.Routing;

public sealed class TutorialConfigTests
{
    private static MeshConfig LoadTutorial() =>
        MeshConfigLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Config", "Resources", "tutorial-linkerd-zipkin.yaml"));

    [Fact]
    public void TopLevelSectionsCarryTheTutorialValues()
    {
        var config = LoadTutorial();

        Assert.Equal(new AdminConfig("0.0.0.0", 9990), config.Admin);
        var namer = Assert.IsType<K8sNamerConfig>(Assert.Single(config.Namers));
        Assert.Equal(("localhost", 8001, "/io.l5d.k8s"), (namer.Host, namer.Port, namer.Prefix.ToString()));
        Assert.Equal("linkerd-examples-daemonset-zipkin", config.Usage.OrgId);

        Assert.Equal(3, config.Telemetry.Length);
        Assert.IsType<PrometheusTelemeterConfig>(config.Telemetry[0]);
        Assert.Equal(new ZipkinScribeTelemeterConfig("zipkin-collector.default.svc.cluster.local", 9410, 1.0), config.Telemetry[1]);
        Assert.Equal(new RecentRequestsTelemeterConfig(0.25, 10), config.Telemetry[2]);
    }

    [Fact]
    public void RoutersCarryTheTutorialValuesAndLinkerdDefaults()
    {
        var (outgoing, incoming) = (LoadTutorial().Routers[0], LoadTutorial().Routers[1]);

        Assert.Equal(("http", "outgoing", "/svc"), (outgoing.Protocol, outgoing.Label, outgoing.DstPrefix.ToString()));
        Assert.Equal("/srv=>/#/io.l5d.k8s/default/http;/host=>/srv;/svc=>/host;/host/world=>/srv/world-v1", outgoing.Dtab.ToString());
        Assert.Equal(new HeaderTokenIdentifierConfig("Host"), Assert.Single(outgoing.Identifiers));
        Assert.Equal(new K8sDaemonSetTransformerConfig("default", "l5d", "incoming", "localhost", 8001, false) { K8sApiDefaulted = true }, Assert.Single(outgoing.Interpreter.Transformers));
        var server = Assert.Single(outgoing.Servers);
        Assert.Equal(("0.0.0.0", 4140, "0.0.0.0/4140", 1000), (server.Ip, server.Port, server.Label, server.MaxCallDepth));
        Assert.Equal("io.l5d.http.retryableRead5XX", outgoing.Service.For("/svc/hello").ResponseClassifier);
        Assert.Equal(RetriesConfig.Default, outgoing.Service.Default.Retries);
        Assert.Equal("p2c", outgoing.Client.For("/#/io.l5d.k8s/default/http/hello").LoadBalancer.Kind);
        Assert.Equal(FailureAccrualConfig.Default, outgoing.Client.Default.FailureAccrual);
        Assert.Equal(("io.l5d.default", 10_000), (outgoing.TracePropagator, outgoing.BindingTimeoutMs));

        Assert.Equal("incoming", incoming.Label);
        Assert.IsType<K8sLocalNodeTransformerConfig>(Assert.Single(incoming.Interpreter.Transformers));
        Assert.Equal(4141, Assert.Single(incoming.Servers).Port);
        Assert.Equal(ServiceParams.DefaultClassifier, incoming.Service.Default.ResponseClassifier);
    }

    [Fact]
    public void JsonConfigLoadsToo()
    {
        var config = new MeshConfigLoader().Load("""
            {"admin": {"port": 9991},
             "namers": [{"kind": "io.l5d.fs", "rootDir": "disco"}],
             "routers": [{"protocol": "http", "dtab": "/svc => /#/io.l5d.fs", "servers": [{"port": 4150}]}]}
            """);

        Assert.Equal(new AdminConfig("127.0.0.1", 9991), config.Admin);
        Assert.Equal("disco", Assert.IsType<FsNamerConfig>(Assert.Single(config.Namers)).RootDir);
        var router = Assert.Single(config.Routers);
        Assert.Equal(("http", "127.0.0.1", 4150), (router.Label, router.Servers[0].Ip, router.Servers[0].Port));
    }

    [Fact]
    public void ClientServiceAndIdentifierOptionsAreRead()
    {
        var router = new MeshConfigLoader().Load("""
            routers:
            - protocol: http
              label: custom
              dstPrefix: /http
              tracePropagator:
                kind: io.l5d.zipkin
              identifier:
              - kind: io.l5d.path
                segments: 2
                consume: true
              - kind: io.l5d.static
                path: /fallback
              servers:
              - port: 4150
                maxConcurrentRequests: 100
              client:
                kind: io.l5d.static
                configs:
                - prefix: /#/io.l5d.fs/{service}
                  loadBalancer: {kind: ewma, decayTimeMs: 5000}
                  requestAttemptTimeoutMs: 250
                  hostConnectionPool: {maxSize: 10}
                - prefix: /#/io.l5d.fs/world
                  loadBalancer: {kind: roundRobin}
                  failureAccrual: {kind: io.l5d.successRate, successRate: 0.9, requests: 20, backoff: {kind: constant, ms: 100}}
              service:
                totalTimeoutMs: 1000
                retries:
                  budget: {minRetriesPerSec: 5, percentCanRetry: 0.5}
                  backoff: {kind: jittered, minMs: 10, maxMs: 100}
            """).Routers.Single();

        Assert.Equal("io.l5d.zipkin", router.TracePropagator);
        Assert.Equal([new PathIdentifierConfig(2, true), new StaticIdentifierConfig(Tracery.Mesh.Naming.NamePath.Parse("/fallback"))], router.Identifiers.ToArray());
        Assert.Equal(100, router.Servers[0].MaxConcurrentRequests);
        var hello = router.Client.For("/#/io.l5d.fs/hello");
        Assert.Equal(("ewma", 5000, 250, 10), (hello.LoadBalancer.Kind, hello.LoadBalancer.DecayTimeMs, hello.RequestAttemptTimeoutMs, hello.HostConnectionPool.MaxSize));
        var world = router.Client.For("/#/io.l5d.fs/world");
        Assert.Equal(("roundRobin", "io.l5d.successRate", 0.9, 20, 100), (world.LoadBalancer.Kind, world.FailureAccrual.Kind, world.FailureAccrual.SuccessRate, world.FailureAccrual.Requests, world.FailureAccrual.Backoff.Ms));
        Assert.Same(ClientParams.Default, router.Client.For("/$/inet/127.0.0.1/80"));
        var service = router.Service.Default;
        Assert.Equal((1000, 5, 0.5, 10, "jittered"), (service.TotalTimeoutMs, service.Retries.MinRetriesPerSec, service.Retries.PercentCanRetry, service.Retries.TtlSecs, service.Retries.Backoff.Kind));
    }

    [Fact]
    public void TheLoadedConfigSerialisesForConfigJsonWithEveryKindsKeys()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(LoadTutorial());
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("localhost", root.GetProperty("Namers")[0].GetProperty("Host").GetString());
        Assert.Equal("/io.l5d.k8s", root.GetProperty("Namers")[0].GetProperty("Prefix").GetString());
        Assert.Equal("zipkin-collector.default.svc.cluster.local", root.GetProperty("Telemetry")[1].GetProperty("Host").GetString());
        var router = root.GetProperty("Routers")[0];
        Assert.StartsWith("/srv=>/#/io.l5d.k8s/default/http;", router.GetProperty("Dtab").GetString());
        Assert.Equal("l5d", router.GetProperty("Interpreter").GetProperty("Transformers")[0].GetProperty("Service").GetString());
        Assert.False(root.TryGetProperty("Positions", out _));
    }

    [Fact]
    public void PositionsLocateKeysForErrorsFoundAfterLoading()
    {
        var positions = LoadTutorial().Positions;
        Assert.Equal((56, 11), positions.Locate("routers[1].servers[0].port"));
        Assert.Equal(positions.Locate("routers[1].servers[0]"), positions.Locate("routers[1].servers[0].unknownKey"));
        var error = positions.Error("routers[0].servers[0].port", "address already in use");
        Assert.Equal("routers[0].servers[0].port (line 38, column 11): address already in use", error.Message);
    }
}

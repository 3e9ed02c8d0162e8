namespace Tracery.Mesh.Tests.Config;

using Tracery.Mesh.Config;

public sealed class ConfigErrorTests
{
    private const string Valid = """
        namers:
        - kind: io.l5d.fs
          rootDir: disco
        routers:
        - protocol: http
          dtab: /svc => /#/io.l5d.fs
          servers:
          - port: 4140
        """;

    private static MeshConfigException Fails(string yaml) => Assert.Throws<MeshConfigException>(() => new MeshConfigLoader().Load(yaml));

    [Fact]
    public void TheBaseConfigIsValid() => Assert.Single(new MeshConfigLoader().Load(Valid).Routers);

    [Theory]
    [InlineData("adminn:\n  port: 9990\n" + "routers: []", "adminn", 1, "unknown key 'adminn'")]
    [InlineData("routers:\n- protocol: http\n  servers:\n  - port: 4140\n    ipp: 0.0.0.0", "routers[0].servers[0].ipp", 5, "unknown key 'ipp'")]
    [InlineData("routers:\n- protocol: http\n  interpreter:\n    transformers:\n    - kind: io.l5d.port\n      port: 4141\n      host: x\n  servers: [{port: 1}]", "routers[0].interpreter.transformers[0].host", 7, "unknown key 'host'")]
    public void UnknownKeysAreNamedWithTheirLine(string yaml, string key, int line, string problem) => AssertError(Fails(yaml), key, line, problem);

    [Theory]
    [InlineData("namers:\n- kind: io.l5d.consul\nrouters: []", "namers[0].kind", 2, "unknown namer kind 'io.l5d.consul' (known: io.l5d.fs, io.l5d.k8s)")]
    [InlineData("telemetry:\n- kind: io.l5d.tracelog\nrouters: []", "telemetry[0].kind", 2, "unknown telemeter kind 'io.l5d.tracelog'")]
    [InlineData("routers:\n- protocol: http\n  identifier:\n    kind: io.l5d.nope\n  servers: [{port: 1}]", "routers[0].identifier.kind", 4, "unknown identifier kind 'io.l5d.nope'")]
    [InlineData("routers:\n- protocol: http\n  interpreter:\n    transformers:\n    - kind: io.l5d.magic\n  servers: [{port: 1}]", "routers[0].interpreter.transformers[0].kind", 5, "unknown transformer kind 'io.l5d.magic'")]
    [InlineData("routers:\n- protocol: http\n  client:\n    loadBalancer:\n      kind: random\n  servers: [{port: 1}]", "routers[0].client.loadBalancer.kind", 5, "unknown load balancer kind 'random'")]
    [InlineData("routers:\n- protocol: http\n  interpreter:\n    kind: io.l5d.namerd\n  servers: [{port: 1}]", "routers[0].interpreter.kind", 4, "unknown interpreter kind")]
    [InlineData("routers:\n- protocol: thrift\n  servers: [{port: 1}]", "routers[0].protocol", 2, "unsupported protocol 'thrift'")]
    [InlineData("routers:\n- protocol: http\n  service:\n    responseClassifier:\n      kind: io.l5d.retryableRead5XX\n  servers: [{port: 1}]", "routers[0].service.responseClassifier.kind", 5, "unknown response classifier kind")]
    public void UnknownKindsAreNamedWithTheirLine(string yaml, string key, int line, string problem) => AssertError(Fails(yaml), key, line, problem);

    [Theory]
    [InlineData("admin:\n  port: ninety\nrouters: []", "admin.port", 2, "expected a whole number but found 'ninety'")]
    [InlineData("admin:\n  port: 70000\nrouters: []", "admin.port", 2, "70000 is out of range (0 to 65535)")]
    [InlineData("telemetry:\n- kind: io.l5d.zipkin\n  sampleRate: 1.5\nrouters: []", "telemetry[0].sampleRate", 3, "1.5 is out of range (0 to 1)")]
    [InlineData("routers:\n- protocol: http\n  servers:\n  - port: 1\n    ip: not-an-ip", "routers[0].servers[0].ip", 5, "'not-an-ip' is not an IP address")]
    [InlineData("routers:\n- protocol: http\n  dstPrefix: svc\n  servers: [{port: 1}]", "routers[0].dstPrefix", 3, "'svc' is not a path")]
    [InlineData("routers:\n- protocol: http\n  servers: {port: 1}", "routers[0].servers", 3, "expected a list")]
    [InlineData("routers:\n- protocol: http\n  originator: maybe\n  servers: [{port: 1}]", "routers[0].originator", 3, "expected true or false")]
    [InlineData("routers:\n- protocol: http\n  label: [a, b]\n  servers: [{port: 1}]", "routers[0].label", 3, "expected a single value")]
    [InlineData("routers:\n- protocol: http\n  service:\n    retries:\n      backoff: {kind: jittered, minMs: 100, maxMs: 10}\n  servers: [{port: 1}]", "routers[0].service.retries.backoff.maxMs", 5, "maxMs (10) is below minMs (100)")]
    public void BadValuesAreNamedWithTheirLine(string yaml, string key, int line, string problem) => AssertError(Fails(yaml), key, line, problem);

    [Theory]
    [InlineData("admin:\n  port: 9990", "routers", 1, "required key 'routers' is missing")]
    [InlineData("routers:\n- label: x\n  servers: [{port: 1}]", "routers[0].protocol", 2, "required key 'protocol' is missing")]
    [InlineData("routers:\n- protocol: http", "routers[0].servers", 2, "required key 'servers' is missing")]
    [InlineData("namers:\n- kind: io.l5d.fs\nrouters: []", "namers[0].rootDir", 2, "required key 'rootDir' is missing")]
    [InlineData("routers:\n- protocol: http\n  interpreter:\n    transformers:\n    - kind: io.l5d.k8s.daemonset\n      namespace: default\n      port: incoming\n  servers: [{port: 1}]", "routers[0].interpreter.transformers[0].service", 5, "required key 'service' is missing")]
    [InlineData("routers: []", "routers", 1, "at least one router is required")]
    public void MissingKeysAreNamedWithTheirLine(string yaml, string key, int line, string problem) => AssertError(Fails(yaml), key, line, problem);

    [Fact]
    public void TwoServersOnOneAddressClash() => AssertError(
        Fails(Valid + "\n- protocol: http\n  label: second\n  servers:\n  - port: 4140\n"),
        "routers[1].servers[0].port", 12, "127.0.0.1:4140 is already used by routers[0].servers[0] (router 'http')");

    [Fact]
    public void AWildcardServerClashesWithTheAdminPort() => AssertError(
        Fails("routers:\n- protocol: http\n  servers:\n  - port: 9990\n    ip: 0.0.0.0"),
        "routers[0].servers[0].port", 4, "0.0.0.0:9990 is already used by the admin server");

    [Fact]
    public void DuplicateRouterLabelsAreRejected() => AssertError(
        Fails(Valid + "\n- protocol: http\n  servers:\n  - port: 4141\n"),
        "routers[1].label", 9, "router label 'http' is already used by routers[0]");

    [Fact]
    public void DtabErrorsPointIntoTheBlock()
    {
        var error = Fails("routers:\n- protocol: http\n  dtab: |\n    /svc => /host;\n    /host => srv;\n  servers: [{port: 1}]");
        AssertError(error, "routers[0].dtab", 5, "expected but 's' found");
        Assert.Equal(14, error.Column);
    }

    [Fact]
    public void InlineDtabErrorsPointAtTheirColumn()
    {
        var error = Fails("routers:\n- protocol: http\n  dtab: /svc => host\n  servers: [{port: 1}]");
        AssertError(error, "routers[0].dtab", 3, "expected but 'h' found");
        Assert.Equal(17, error.Column);
    }

    [Fact]
    public void BrokenYamlIsReportedWithItsLine()
    {
        var error = Fails("routers:\n- protocol: http\n  servers: [{port: 1}\n");
        Assert.Contains("not valid YAML or JSON", error.Message);
        Assert.True(error.Line >= 3);
    }

    [Fact]
    public void TwoNamersWithOnePrefixAreRejected() => AssertError(
        Fails("namers:\n- kind: io.l5d.fs\n  rootDir: a\n- kind: io.l5d.fs\n  rootDir: b\nrouters: []"),
        "namers[1].prefix", 4, "another namer already has the prefix /io.l5d.fs");

    [Fact]
    public void AnEmptyConfigIsRejected() => Assert.Contains("empty", Fails("").Message);

    private static void AssertError(MeshConfigException error, string key, int line, string problem)
    {
        Assert.Equal(key, error.KeyPath);
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith($"{key} (line {line}, column ", error.Message);
    }
}

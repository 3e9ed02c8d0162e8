namespace Tracery.Cli.Tests.Demo;

using Tracery.Cli.Demo;
using Tracery.Mesh.Config;
using Tracery.Mesh.Config.Kinds;

public sealed class DemoConfigTests
{
    [Fact]
    public void DiscoveryFilesPointAtEachNodesApp()
    {
        var files = DemoConfig.Files(new DemoOptions(), "/tmp/d").ToDictionary(f => f.Path, f => f.Text);

        Assert.Equal("127.0.0.2 7777\n", files["/tmp/d/disco/hello"]);
        Assert.Equal("127.0.0.3 7778\n", files["/tmp/d/disco/world"]);
    }

    [Fact]
    public void EachNodeRoutesOutThroughThePortTransformerAndInToItsOwnAddress()
    {
        var nodeB = DemoConfig.Files(new DemoOptions { Telemeter = "io.l5d.zipkin" }, "/tmp/d").Single(f => f.Path == "/tmp/d/node-b.yaml").Text;

        Assert.Contains("admin:\n  ip: 127.0.0.3\n  port: 9990\n", nodeB);
        Assert.Contains("- kind: io.l5d.fs\n  rootDir: /tmp/d/disco\n", nodeB);
        Assert.Contains("- kind: io.l5d.zipkin\n  host: 127.0.0.1\n  port: 9410\n  sampleRate: 1.0\n", nodeB);
        Assert.Contains("    - kind: io.l5d.port\n      port: 4141\n  servers:\n  - port: 4140\n    ip: 127.0.0.3\n", nodeB);
        Assert.Contains("    - kind: io.l5d.specificHost\n      host: 127.0.0.3\n  servers:\n  - port: 4141\n    ip: 127.0.0.3\n", nodeB);
        Assert.Contains("  dtab: |\n    /srv        => /#/io.l5d.fs;\n    /host       => /srv;\n    /svc        => /host;\n", nodeB);
    }

    [Fact]
    public void PortsAndSampleRateFollowTheOptions()
    {
        var options = new DemoOptions { Ports = new DemoPorts().Offset(100), SampleRate = 0.25, Telemeter = "io.l5d.zipkin" };

        var nodeA = DemoConfig.Files(options, "/tmp/d").Single(f => f.Path == "/tmp/d/node-a.yaml").Text;

        Assert.Contains("port: 10090\n", nodeA);
        Assert.Contains("  port: 9510\n  sampleRate: 0.25\n", nodeA);
        Assert.Contains("      port: 4241\n  servers:\n  - port: 4240\n    ip: 127.0.0.2\n", nodeA);
    }

    [Fact]
    public void WriteCreatesEveryFile()
    {
        var directory = Directory.CreateTempSubdirectory("tracery-demo-test-").FullName;
        try
        {
            var config = DemoConfig.Write(new DemoOptions(), directory);

            Assert.Equal("127.0.0.3 7778\n", File.ReadAllText(Path.Combine(config.DiscoveryDirectory, "world")));
            Assert.StartsWith("# node A", File.ReadAllText(config.NodeAPath));
            Assert.StartsWith("# node B", File.ReadAllText(config.NodeBPath));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void TheMeshLoadsEachNodesConfig()
    {
        var options = new DemoOptions { Telemeter = "io.l5d.zipkin" };
        foreach (var (path, text) in DemoConfig.Files(options, "/tmp/d").Where(f => f.Path.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            var node = path.EndsWith("node-a.yaml", StringComparison.Ordinal) ? "127.0.0.2" : "127.0.0.3";

            var config = new MeshConfigLoader().Load(text);

            Assert.Equal(new AdminConfig(node, 9990), config.Admin);
            Assert.Equal("/tmp/d/disco", Assert.IsType<FsNamerConfig>(Assert.Single(config.Namers)).RootDir);
            Assert.Contains(new ZipkinScribeTelemeterConfig("127.0.0.1", 9410, 1.0), config.Telemetry);
            Assert.Equal(["outgoing", "incoming"], config.Routers.Select(r => r.Label));
            Assert.Equal([(node, 4140), (node, 4141)], config.Routers.Select(r => (Assert.Single(r.Servers).Ip, r.Servers[0].Port)));
            Assert.Equal(new PortTransformerConfig(4141), Assert.Single(config.Routers[0].Interpreter.Transformers));
            Assert.Equal(new SpecificHostTransformerConfig(node), Assert.Single(config.Routers[1].Interpreter.Transformers));
        }
    }

    [Fact]
    public void TheZipkinPropagatorIsSetOnEveryRouterWhenAsked()
    {
        var text = DemoConfig.Files(new DemoOptions { TracePropagator = "io.l5d.zipkin" }, "/tmp/d").Single(f => f.Path.EndsWith("node-a.yaml", StringComparison.Ordinal)).Text;

        var config = new MeshConfigLoader().Load(text);

        Assert.All(config.Routers, r => Assert.Equal("io.l5d.zipkin", r.TracePropagator));
        Assert.DoesNotContain("tracePropagator", DemoConfig.Files(new DemoOptions(), "/tmp/d")[2].Text);
    }

    [Fact]
    public void TheHttpTelemeterReportsToTheServersHttpPort()
    {
        var text = DemoConfig.Files(new DemoOptions { Telemeter = "io.zipkin.http" }, "/tmp/d").Single(f => f.Path.EndsWith("node-b.yaml", StringComparison.Ordinal)).Text;

        var config = new MeshConfigLoader().Load(text);

        Assert.Contains(new ZipkinHttpTelemeterConfig("127.0.0.1:9411", 1.0), config.Telemetry);
        Assert.DoesNotContain(config.Telemetry, t => t is ZipkinScribeTelemeterConfig);
    }
}

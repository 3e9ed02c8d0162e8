namespace Tracery.Mesh.Tests.Deploy;

using k8s.Models;
using Tracery.Mesh.Config;
using Tracery.Mesh.Config.Kinds;

public sealed class MeshManifestTests
{
    private static string ConfigText() => ManifestSet.Single<V1ConfigMap>("l5d-config").Data["config.yaml"];

    private static MeshConfig Config() => new MeshConfigLoader().Load(ConfigText());

    private static V1Container Mesh() => ManifestSet.Single<V1DaemonSet>("l5d").Spec.Template.Spec.Containers.Single(c => c.Name == "l5d");

    private static int ServicePort(string service, string portName) =>
        Assert.Single(ManifestSet.Single<V1Service>(service).Spec.Ports, p => p.Name == portName).Port;

    [Fact]
    public void TheConfigMapHoldsTheTutorialsConfigUnchanged()
    {
        var tutorial = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Config", "Resources", "tutorial-linkerd-zipkin.yaml"));

        Assert.Equal(tutorial.Trim().ReplaceLineEndings("\n"), ConfigText().Trim().ReplaceLineEndings("\n"));
        Assert.Equal(["outgoing", "incoming"], Config().Routers.Select(r => r.Label));
    }

    [Fact]
    public void TheMeshReadsTheConfigFromWhereTheConfigMapIsMounted()
    {
        var mesh = Mesh();
        var mount = Assert.Single(mesh.VolumeMounts);
        var volume = Assert.Single(ManifestSet.Single<V1DaemonSet>("l5d").Spec.Template.Spec.Volumes, v => v.Name == mount.Name);

        Assert.Equal("l5d-config", volume.ConfigMap.Name);
        Assert.Equal(["mesh", $"{mount.MountPath}/config.yaml"], mesh.Args);
    }

    [Fact]
    public void RouterAndAdminPortsAgreeAcrossConfigDaemonSetAndService()
    {
        var config = Config();
        var containerPorts = Mesh().Ports.ToDictionary(p => p.Name);
        var expected = new Dictionary<string, int>
        {
            ["outgoing"] = Assert.Single(config.Routers.Single(r => r.Label == "outgoing").Servers).Port,
            ["incoming"] = Assert.Single(config.Routers.Single(r => r.Label == "incoming").Servers).Port,
            ["admin"] = config.Admin.Port,
        };

        Assert.Equal(new Dictionary<string, int> { ["outgoing"] = 4140, ["incoming"] = 4141, ["admin"] = 9990 }, expected);
        foreach (var (name, port) in expected)
        {
            Assert.Equal(port, containerPorts[name].ContainerPort);
            Assert.Equal(port, ServicePort("l5d", name));
        }
        // Apps reach their node's mesh by NODE_NAME:4140, so only outgoing is on the host, as in the tutorial.
        Assert.Equal(4140, containerPorts["outgoing"].HostPort);
        Assert.Equal("0.0.0.0", config.Admin.Ip);
    }

    [Fact]
    public void TheDaemonSetTransformerNamesAPortOfTheMeshService()
    {
        var transformer = Assert.IsType<K8sDaemonSetTransformerConfig>(Assert.Single(Config().Routers[0].Interpreter.Transformers));

        Assert.Equal(ManifestSet.Single<V1Service>(transformer.Service).Spec.Ports.Single(p => p.Name == transformer.Port).Port, ServicePort("l5d", "incoming"));
        Assert.Equal(["POD_IP", "NODE_NAME"], Mesh().Env.Select(e => e.Name));
    }

    [Fact]
    public void TheK8sNamerReachesTheKubectlProxySidecar()
    {
        var namer = Assert.IsType<K8sNamerConfig>(Assert.Single(Config().Namers));
        var sidecar = ManifestSet.Single<V1DaemonSet>("l5d").Spec.Template.Spec.Containers.Single(c => c.Name == "kubectl");

        Assert.Equal("localhost", namer.Host);
        Assert.Equal(["proxy", "-p", namer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], sidecar.Args);
    }

    [Fact]
    public void TheZipkinTelemeterSendsToTheTraceServersScribePort()
    {
        var zipkin = Assert.Single(Config().Telemetry.OfType<ZipkinScribeTelemeterConfig>());
        var server = ManifestSet.Single<V1Deployment>("zipkin").Spec.Template.Spec.Containers.Single();

        Assert.Equal("zipkin-collector.default.svc.cluster.local", zipkin.Host);
        Assert.Equal(zipkin.Port, ServicePort("zipkin-collector", "scribe"));
        Assert.Equal(zipkin.Port, server.Ports.Single(p => p.Name == "scribe").ContainerPort);
        Assert.Equal(9411, ServicePort("zipkin", "http"));
        Assert.Equal(9411, server.Ports.Single(p => p.Name == "http").ContainerPort);
    }

    [Fact]
    public void TheDtabsServicesExposeANamedHttpPortThatReachesTheirPods()
    {
        // /srv => /#/io.l5d.k8s/default/http: hello and (through /host/world) world-v1 need a Service port named http.
        foreach (var (service, args) in new[] { ("hello", "hello"), ("world-v1", "world") })
        {
            var container = ManifestSet.Single<V1Deployment>(service).Spec.Template.Spec.Containers.Single();
            Assert.Equal(args, container.Args[0]);
            Assert.Equal(container.Ports.Single().ContainerPort, ServicePort(service, "http"));
            Assert.Equal(container.Ports.Single().ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), container.Args[container.Args.IndexOf("--port") + 1]);
        }
        var helloEnv = ManifestSet.Single<V1Deployment>("hello").Spec.Template.Spec.Containers.Single().Env;
        Assert.Equal($"$(NODE_NAME):{ServicePort("l5d", "outgoing")}", helloEnv.Single(e => e.Name == "http_proxy").Value);
    }
}

namespace Tracery.Mesh.Tests.Naming.Transformers;

using Tracery.Mesh.Config;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Naming.Namers;
using Tracery.Mesh.Naming.Transformers;
using Tracery.Mesh.Tests.Naming.Namers;

/// <summary>
/// <c>hostNetwork: true</c>: the mesh pods have their nodes' IPs (192.168.0.x), the apps pod IPs in per-node /24s that
/// the /24 rule cannot relate to the nodes, so both transformers match by the endpoints' <c>nodeName</c>.
/// </summary>
public sealed class K8sHostNetworkTests
{
    private static readonly (string, int)[] Incoming = [("incoming", 4141)];
    private static readonly (string, int)[] Http = [("http", 7777)];

    [Fact]
    public async Task TheDaemonSetTransformerPicksTheMeshPodOnTheDestinationsNode()
    {
        await using var api = await KubernetesApiStub.StartAsync(Cluster(), servesSlices: true);
        using var apps = new K8sNamer(NamePath.Of("io.l5d.k8s"), "127.0.0.1", api.Port, TimeProvider.System);
        var meshes = new K8sNamer(NamePath.Of("io.l5d.k8s"), "127.0.0.1", api.Port, TimeProvider.System);
        using var transformer = new K8sDaemonSetTransformer("default", "incoming", "l5d", meshes, apps.NodeOf);
        var hello = Assert.IsType<NameTree<BoundName>.Leaf>(await apps.LookupAsync(NamePath.Of("default", "http", "hello"))).Value;

        var bound = Assert.IsType<NameTree<BoundName>.Leaf>(await transformer.TransformAsync(hello)).Value;

        Assert.Equal("/%/io.l5d.k8s.daemonset/default/incoming/l5d/#/io.l5d.k8s/default/http/hello", bound.Id);
        Assert.Equal([new Address("192.168.0.2", 4141)], bound.Addresses.Current);

        // hello moves to node-a: the gateway follows.
        await api.SendAsync("MODIFIED", KubernetesApiStub.Slice("hello-1", "hello", Http, ("10.244.1.9", true, "node-a")));
        await Poll.UntilAsync(() => bound.Addresses.Current.SequenceEqual([new Address("192.168.0.1", 4141)]), TimeSpan.FromSeconds(10), "the mesh pod on hello's new node");
    }

    [Fact]
    public async Task BothTransformersFromTheConfigMatchByNodeName()
    {
        await using var api = await KubernetesApiStub.StartAsync(Cluster(), servesSlices: true);
        var config = new MeshConfigLoader().Load($$"""
            namers:
            - kind: io.l5d.k8s
              host: 127.0.0.1
              port: {{api.Port}}
            routers:
            - protocol: http
              label: outgoing
              dtab: /svc => /#/io.l5d.k8s/default/http;
              interpreter:
                transformers:
                - kind: io.l5d.k8s.daemonset
                  namespace: default
                  port: incoming
                  service: l5d
                  k8sHost: 127.0.0.1
                  k8sPort: {{api.Port}}
                  hostNetwork: true
              servers: [{port: 0}]
            - protocol: http
              label: incoming
              dtab: /svc => /#/io.l5d.k8s/default/http;
              interpreter:
                transformers:
                - kind: io.l5d.k8s.localnode
                  hostNetwork: true
              servers: [{port: 0}]
            """);
        var pod = new K8sPodEnvironment(name => name == "NODE_NAME" ? "node-a" : null, "/nonexistent");
        using var naming = NamingRuntime.Start(config, kinds: NamingKinds.CreateDefault(pod));

        var outgoing = await Resolve(naming.CreateInterpreter(config.Routers[0], 0), "/svc/hello");
        var incoming = await Resolve(naming.CreateInterpreter(config.Routers[1], 1), "/svc/world");

        Assert.Equal(("/%/io.l5d.k8s.daemonset/default/incoming/l5d/#/io.l5d.k8s/default/http/hello", new Address("192.168.0.2", 4141)), (outgoing.Id, Assert.Single(outgoing.Addresses.Current)));
        Assert.Equal(("/%/io.l5d.k8s.localnode/node-a/#/io.l5d.k8s/default/http/world", new Address("10.244.1.5", 7777)), (incoming.Id, Assert.Single(incoming.Addresses.Current)));
    }

    private static async Task<BoundName> Resolve(INameInterpreter interpreter, string path) =>
        Assert.Single(Assert.IsType<NameResolution.Bound>(await interpreter.ResolveAsync(NamePath.Parse(path), Dtab.Empty)).Names).Name;

    /// <summary>Two nodes; l5d on each node's IP; hello on node-b, world on both, in the pod network.</summary>
    private static List<System.Text.Json.Nodes.JsonObject> Cluster() =>
    [
        KubernetesApiStub.Slice("l5d-1", "l5d", Incoming, ("192.168.0.1", true, "node-a"), ("192.168.0.2", true, "node-b")),
        KubernetesApiStub.Slice("hello-1", "hello", Http, ("10.244.2.7", true, "node-b")),
        KubernetesApiStub.Slice("world-1", "world", Http, ("10.244.1.5", true, "node-a"), ("10.244.2.5", true, "node-b")),
    ];
}

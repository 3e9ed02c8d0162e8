namespace Tracery.Mesh.Tests.Deploy;

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Config;
using Tracery.Mesh.Config.Kinds;
using Tracery.Mesh.Hosting;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Naming.Namers;
using Tracery.Mesh.Tests.Naming.Namers;
using Tracery.Mesh.Tests.Support;

/// <summary>
/// The tutorial on a two-node "cluster" made of loopback addresses: node A's pods in 127.0.1.0/24, node B's in
/// 127.0.2.0/24 (the /24 rule of the Kubernetes transformers), the Kubernetes API on 127.0.0.1 serving EndpointSlices.
/// Each node runs the ConfigMap's config text, unchanged, loaded by the real loader; the test then moves only what a
/// pod gets from its cluster: the listen IPs (the pod IP instead of 0.0.0.0, port 0 instead of fixed ports) and the
/// kubectl proxy address (the loopback API instead of localhost:8001).
/// </summary>
public sealed class TutorialOnLoopbackClusterTests
{
    private static readonly IPAddress MeshA = IPAddress.Parse("127.0.1.1");
    private static readonly IPAddress HelloPod = IPAddress.Parse("127.0.1.2");
    private static readonly IPAddress MeshB = IPAddress.Parse("127.0.2.1");
    private static readonly IPAddress WorldPod = IPAddress.Parse("127.0.2.2");

    [Fact]
    public async Task TheConfigMapsConfigRoutesThroughTheDaemonSetToTheIncomingRouterOnTheDestinationsNode()
    {
        await using var hello = await Upstream.StartAsync(c => c.Response.WriteAsync($"Hello ({HelloPod})"), HelloPod);
        await using var world = await Upstream.StartAsync(c => c.Response.WriteAsync($"world ({WorldPod})!"), WorldPod);
        await using var api = await KubernetesApiStub.StartAsync([], servesSlices: true);
        await using var nodeA = await Node.StartAsync(MeshA, "node-a", api.Port);
        await using var nodeB = await Node.StartAsync(MeshB, "node-b", api.Port);
        api.Objects =
        [
            // The l5d pods' "incoming" port differs per pod here (port 0), so the controller would cut one slice per pod.
            KubernetesApiStub.Slice("l5d-a", "l5d", [("incoming", nodeA.Incoming.Port)], (MeshA.ToString(), true, "node-a")),
            KubernetesApiStub.Slice("l5d-b", "l5d", [("incoming", nodeB.Incoming.Port)], (MeshB.ToString(), true, "node-b")),
            KubernetesApiStub.Slice("hello-1", "hello", [("http", hello.Port)], (HelloPod.ToString(), true, "node-a")),
            KubernetesApiStub.Slice("world-v1-1", "world-v1", [("http", world.Port)], (WorldPod.ToString(), true, "node-b")),
        ];
        using var client = new HttpClient(new SocketsHttpHandler { Proxy = new WebProxy($"http://{nodeA.Outgoing}"), UseProxy = true });

        var worldAnswer = await client.GetAsync("http://world/");
        var helloAnswer = await client.GetAsync("http://hello/");

        Assert.Equal((HttpStatusCode.OK, "world (127.0.2.2)!"), (worldAnswer.StatusCode, await worldAnswer.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, "Hello (127.0.1.2)"), (helloAnswer.StatusCode, await helloAnswer.Content.ReadAsStringAsync()));
        // What the app sees was set by the last router, node B's incoming: the localnode transformer's bound id.
        var atWorld = Assert.Single(world.Received);
        Assert.Equal("/svc/world", atWorld.Headers["l5d-dst-service"]);
        Assert.Equal("/%/io.l5d.k8s.localnode/127.0.2.1/#/io.l5d.k8s/default/http/world-v1", atWorld.Headers["l5d-dst-client"]);
        Assert.Equal("/%/io.l5d.k8s.localnode/127.0.1.1/#/io.l5d.k8s/default/http/hello", Assert.Single(hello.Received).Headers["l5d-dst-client"]);

        // Node A's outgoing router sent world's request to node B's mesh pod (not node A's), through the daemonset transformer.
        using var admin = new HttpClient { BaseAddress = new Uri($"http://{nodeA.Host.AdminEndpoint}") };
        using var clients = JsonDocument.Parse(await admin.GetStringAsync("/client_state.json"));
        var viaDaemonSet = clients.RootElement.GetProperty("/%/io.l5d.k8s.daemonset/default/incoming/l5d/#/io.l5d.k8s/default/http/world-v1");
        Assert.Equal([$"{MeshB}:{nodeB.Incoming.Port}"], viaDaemonSet.GetProperty("addresses").EnumerateArray().Select(a => a.GetString()));

        using var namerState = JsonDocument.Parse(await admin.GetStringAsync("/namer_state/io.l5d.k8s.json"));
        Assert.Equal("endpointslices", namerState.RootElement.GetProperty("resource").GetString());
        Assert.Equal([$"{WorldPod}:{world.Port}"], namerState.RootElement.GetProperty("services").GetProperty("default/world-v1")
            .GetProperty("addresses").GetProperty("http").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/namer_state/io.l5d.nope.json")).StatusCode);
    }

    /// <summary>One node's mesh pod: the ConfigMap's config with the pod's IP and the loopback API, POD_IP set.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private readonly Linker linker;

        private Node(Linker linker, MeshHost host)
        {
            this.linker = linker;
            Host = host;
        }

        public MeshHost Host { get; }

        public IPEndPoint Outgoing => Host.RouterEndpoints["outgoing"][0];

        public IPEndPoint Incoming => Host.RouterEndpoints["incoming"][0];

        public static async Task<Node> StartAsync(IPAddress podIp, string nodeName, int apiPort)
        {
            var text = ManifestSet.Single<V1ConfigMap>("l5d-config").Data["config.yaml"];
            var config = OnPod(new MeshConfigLoader().Load(text), podIp.ToString(), apiPort);
            var pod = new K8sPodEnvironment(name => name switch { "POD_IP" => podIp.ToString(), "NODE_NAME" => nodeName, _ => null }, "/nonexistent");
            var linker = Linker.Link(config, namingKinds: NamingKinds.CreateDefault(pod));
            try
            {
                return new Node(linker, await MeshHost.StartAsync(linker.Options));
            }
            catch
            {
                await linker.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await linker.DisposeAsync();
        }

        private static MeshConfig OnPod(MeshConfig config, string ip, int apiPort) => config with
        {
            Admin = config.Admin with { Ip = ip, Port = 0 },
            Namers = [.. config.Namers.Select(n => n is K8sNamerConfig k8s ? k8s with { Host = "127.0.0.1", Port = apiPort } : n)],
            Routers = [.. config.Routers.Select(r => r with
            {
                Servers = [.. r.Servers.Select(s => s with { Ip = ip, Port = 0 })],
                Interpreter = r.Interpreter with
                {
                    Transformers = [.. r.Interpreter.Transformers.Select(t => t is K8sDaemonSetTransformerConfig d ? d with { K8sHost = "127.0.0.1", K8sPort = apiPort } : t)],
                },
            })],
        };
    }
}

namespace Tracery.Mesh.Tests.Naming.Namers;

using System.Text.Json;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Naming.Namers;

public sealed class K8sEndpointSliceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly (string, int)[] Http = [("http", 7777)];

    [Fact]
    public async Task MergesAServicesSlicesKeepsOnlyReadyEndpointsAndFollowsEachSlice()
    {
        await using var api = await KubernetesApiStub.StartAsync(
            [
                KubernetesApiStub.Slice("hello-a", "hello", Http, ("10.0.0.1", true, "node-a"), ("10.0.0.2", false, "node-a")),
                KubernetesApiStub.Slice("hello-b", "hello", Http, ("10.0.1.1", null, "node-b")),
                KubernetesApiStub.Slice("world-a", "world", Http, ("10.0.9.9", true, "node-b")),
            ],
            servesSlices: true);
        using var namer = new K8sNamer(NamePath.Of("io.l5d.k8s"), "127.0.0.1", api.Port, TimeProvider.System);

        var hello = Assert.IsType<NameTree<BoundName>.Leaf>(await namer.LookupAsync(NamePath.Of("default", "http", "hello"))).Value;
        Assert.Equal([new Address("10.0.0.1", 7777), new Address("10.0.1.1", 7777)], hello.Addresses.Current);
        var byNumber = Assert.IsType<NameTree<BoundName>.Leaf>(await namer.LookupAsync(NamePath.Of("default", "7777", "hello"))).Value;
        Assert.Equal(hello.Addresses.Current, byNumber.Addresses.Current);
        Assert.Equal("node-b", namer.NodeOf("10.0.1.1"));
        Assert.Contains(api.Requests, r => r.Uri.StartsWith("/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dhello", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Requests, r => r.Uri.StartsWith("/api/v1/", StringComparison.Ordinal));

        await api.SendAsync("MODIFIED", KubernetesApiStub.Slice("hello-a", "hello", Http, ("10.0.0.1", true, "node-a"), ("10.0.0.2", true, "node-a")));
        await Poll.UntilAsync(() => hello.Addresses.Current.Count == 3, Timeout, "the endpoint that became ready");

        await api.SendAsync("DELETED", KubernetesApiStub.Slice("hello-b", "hello", Http));
        await Poll.UntilAsync(() => hello.Addresses.Current.SequenceEqual([new Address("10.0.0.1", 7777), new Address("10.0.0.2", 7777)]), Timeout, "the deleted slice's endpoint to go");
        Assert.IsType<NameTree<BoundName>.Leaf>(await namer.LookupAsync(NamePath.Of("default", "http", "hello")));

        await api.SendAsync("DELETED", KubernetesApiStub.Slice("hello-a", "hello", Http));
        await Poll.UntilAsync(() => hello.Addresses.Current.Count == 0, Timeout, "the last slice's endpoints to go");
        Assert.IsType<NameTree<BoundName>.Neg>(await namer.LookupAsync(NamePath.Of("default", "http", "hello")));
    }

    [Fact]
    public async Task A410GoneRelistsTheSlices()
    {
        await using var api = await KubernetesApiStub.StartAsync([KubernetesApiStub.Slice("hello-a", "hello", Http, ("10.0.0.1", true, null))], servesSlices: true);
        using var namer = new K8sNamer(NamePath.Of("io.l5d.k8s"), "127.0.0.1", api.Port, TimeProvider.System);
        var hello = Assert.IsType<NameTree<BoundName>.Leaf>(await namer.LookupAsync(NamePath.Of("default", "http", "hello"))).Value;

        api.Objects = [KubernetesApiStub.Slice("hello-x", "hello", Http, ("10.0.0.7", true, null)), KubernetesApiStub.Slice("hello-y", "hello", Http, ("10.0.0.8", true, null))];
        await api.SendErrorGoneAsync();

        await Poll.UntilAsync(() => hello.Addresses.Current.SequenceEqual([new Address("10.0.0.7", 7777), new Address("10.0.0.8", 7777)]), Timeout, "the relisted slices after 410 Gone");
    }

    [Fact]
    public async Task WithoutTheDiscoveryGroupTheNamerUsesV1Endpoints()
    {
        await using var api = await KubernetesApiStub.StartAsync(KubernetesApiStub.Endpoints("hello", ("10.0.0.1", "http", 7777)));
        using var namer = new K8sNamer(NamePath.Of("io.l5d.k8s"), "127.0.0.1", api.Port, TimeProvider.System);

        var hello = Assert.IsType<NameTree<BoundName>.Leaf>(await namer.LookupAsync(NamePath.Of("default", "http", "hello"))).Value;

        Assert.Equal([new Address("10.0.0.1", 7777)], hello.Addresses.Current);
        Assert.Contains(api.Requests, r => r.Uri == "/apis/discovery.k8s.io/v1");
        Assert.Contains(api.Requests, r => r.Uri.StartsWith("/api/v1/namespaces/default/endpoints?fieldSelector=metadata.name%3Dhello", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Requests, r => r.Uri.Contains("endpointslices", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheNamerStateShowsEachWatchedServiceWithItsAddressesResourceVersionAndWatch()
    {
        await using var api = await KubernetesApiStub.StartAsync([KubernetesApiStub.Slice("hello-a", "hello", Http, ("10.0.0.1", true, "node-a"))], servesSlices: true);
        using var namer = new K8sNamer(NamePath.Of("io.l5d.k8s"), "127.0.0.1", api.Port, TimeProvider.System);
        await namer.LookupAsync(NamePath.Of("default", "http", "hello"));
        await Poll.UntilAsync(() => State(namer).GetProperty("services").GetProperty("default/hello").GetProperty("watch").GetProperty("streaming").GetBoolean(), Timeout, "the watch to stream: " + K8sEndpointSliceTests.Dump(namer));

        await api.SendAsync("MODIFIED", KubernetesApiStub.Slice("hello-a", "hello", Http, ("10.0.0.3", true, "node-a")));
        await Poll.UntilAsync(() => State(namer).GetProperty("services").GetProperty("default/hello").GetProperty("watch").GetProperty("lastStreamEvent").GetString() == "MODIFIED", Timeout, "the event in the state");

        var state = State(namer);
        Assert.Equal(("io.l5d.k8s", "endpointslices", $"http://127.0.0.1:{api.Port}"), (state.GetProperty("kind").GetString(), state.GetProperty("resource").GetString(), state.GetProperty("api").GetString()));
        var hello = state.GetProperty("services").GetProperty("default/hello");
        Assert.True(hello.GetProperty("exists").GetBoolean());
        Assert.Equal(["10.0.0.3:7777"], hello.GetProperty("addresses").GetProperty("http").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("node-a", hello.GetProperty("endpoints")[0].GetProperty("nodeName").GetString());
        var watch = hello.GetProperty("watch");
        Assert.Equal("11", watch.GetProperty("resourceVersion").GetString());
        Assert.StartsWith("GET /apis/discovery.k8s.io/v1/namespaces/default/endpointslices?", watch.GetProperty("request").GetString(), StringComparison.Ordinal);
        Assert.Contains("watch=true&resourceVersion=7", watch.GetProperty("request").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, watch.GetProperty("lastStreamStartAt").ValueKind);
    }

    internal static string Dump(INamerState namer) => State(namer).ToString();

    internal static JsonElement State(INamerState namer)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            namer.WriteState(json);
        }

        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }
}

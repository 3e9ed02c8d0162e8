namespace Tracery.Mesh.Tests.Naming.Transformers;

using Tracery.Mesh.Naming;
using Tracery.Mesh.Naming.Addresses;
using Tracery.Mesh.Naming.Namers;
using Tracery.Mesh.Naming.Transformers;
using Tracery.Mesh.Tests.Naming.Namers;

public sealed class K8sDaemonSetTransformerTests
{
    [Fact]
    public async Task ReplacesEachEndpointByTheMeshPodOnItsNodeAndFollowsTheMeshPods()
    {
        await using var api = await KubernetesApiStub.StartAsync(KubernetesApiStub.Endpoints("l5d", ("10.196.1.5", "incoming", 4141), ("10.196.2.5", "incoming", 4141)));
        using var kubernetes = new K8sNamer(NamePath.Of("io.l5d.k8s"), "127.0.0.1", api.Port, TimeProvider.System);
        var transformer = new K8sDaemonSetTransformer("default", "incoming", "l5d", kubernetes);
        var hello = new LiveAddressSet([new("10.196.2.9", 7777)]);

        var bound = Assert.IsType<NameTree<BoundName>.Leaf>(await transformer.TransformAsync(new("/#/io.l5d.k8s/default/http/hello", hello, NamePath.Empty))).Value;

        Assert.Equal("/%/io.l5d.k8s.daemonset/default/incoming/l5d/#/io.l5d.k8s/default/http/hello", bound.Id);
        Assert.Equal([new Address("10.196.2.5", 4141)], bound.Addresses.Current);

        hello.Update([new("10.196.2.9", 7777), new("10.196.1.7", 7777)]);
        Assert.Equal([new Address("10.196.1.5", 4141), new Address("10.196.2.5", 4141)], bound.Addresses.Current);

        await api.SendAsync("MODIFIED", KubernetesApiStub.Endpoints("l5d", ("10.196.1.5", "incoming", 4141)));
        await Poll.UntilAsync(() => bound.Addresses.Current.SequenceEqual([new Address("10.196.1.5", 4141)]), TimeSpan.FromSeconds(10), "the mesh pod that left to drop out");
    }

    [Fact]
    public async Task AMissingMeshServiceIsNegative()
    {
        await using var api = await KubernetesApiStub.StartAsync(KubernetesApiStub.Endpoints("other", ("10.0.0.1", "incoming", 4141)));
        using var kubernetes = new K8sNamer(NamePath.Of("io.l5d.k8s"), "127.0.0.1", api.Port, TimeProvider.System);
        var transformer = new K8sDaemonSetTransformer("default", "incoming", "l5d", kubernetes);

        Assert.IsType<NameTree<BoundName>.Neg>(await transformer.TransformAsync(new("/#/io.l5d.k8s/default/http/hello", new LiveAddressSet([new("10.0.0.9", 7777)]), NamePath.Empty)));
    }
}

namespace Tracery.Mesh.Tests.Naming.Namers;

using Tracery.Mesh.Naming;
using Tracery.Mesh.Naming.Namers;

public sealed class K8sNamerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task BindsAServicePortByNameOrNumberFollowsWatchEventsAndGoesNegativeOnDelete()
    {
        await using var api = await KubernetesApiStub.StartAsync(KubernetesApiStub.Endpoints("hello", ("10.0.0.1", "http", 7777), ("10.0.0.2", "http", 7777)));
        using var namer = new K8sNamer(NamePath.Of("io.l5d.k8s"), "127.0.0.1", api.Port, TimeProvider.System);

        var hello = Assert.IsType<NameTree<BoundName>.Leaf>(await namer.LookupAsync(NamePath.Of("default", "http", "hello"))).Value;
        Assert.Equal("/#/io.l5d.k8s/default/http/hello", hello.Id);
        Assert.Equal([new Address("10.0.0.1", 7777), new Address("10.0.0.2", 7777)], hello.Addresses.Current);
        var byNumber = Assert.IsType<NameTree<BoundName>.Leaf>(await namer.LookupAsync(NamePath.Of("default", "7777", "hello", "rest"))).Value;
        Assert.Equal(("/#/io.l5d.k8s/default/7777/hello", "/rest"), (byNumber.Id, byNumber.Residual.ToString()));
        Assert.Equal(2, byNumber.Addresses.Current.Count);

        await api.SendAsync("MODIFIED", KubernetesApiStub.Endpoints("hello", ("10.0.0.3", "http", 7777)));
        await Poll.UntilAsync(() => hello.Addresses.Current.SequenceEqual([new Address("10.0.0.3", 7777)]), Timeout, "the MODIFIED event's address");

        var before = namer.Version;
        await api.SendAsync("DELETED", KubernetesApiStub.Endpoints("hello"));
        await Poll.UntilAsync(() => hello.Addresses.Current.Count == 0, Timeout, "the deleted service's addresses to go");
        Assert.NotEqual(before, namer.Version);
        Assert.IsType<NameTree<BoundName>.Neg>(await namer.LookupAsync(NamePath.Of("default", "http", "hello")));
    }

    [Fact]
    public async Task AnUnknownServiceOrAShortPathIsNegative()
    {
        await using var api = await KubernetesApiStub.StartAsync(KubernetesApiStub.Endpoints("hello", ("10.0.0.1", "http", 7777)));
        using var namer = new K8sNamer(NamePath.Of("io.l5d.k8s"), "127.0.0.1", api.Port, TimeProvider.System);

        Assert.IsType<NameTree<BoundName>.Neg>(await namer.LookupAsync(NamePath.Of("default", "http", "nosuch")));
        Assert.IsType<NameTree<BoundName>.Neg>(await namer.LookupAsync(NamePath.Of("default", "http")));
    }

    [Fact]
    public async Task ADroppedWatchRelistsAndPicksUpWhatChangedMeanwhile()
    {
        await using var api = await KubernetesApiStub.StartAsync(KubernetesApiStub.Endpoints("hello", ("10.0.0.1", "http", 7777)));
        using var namer = new K8sNamer(NamePath.Of("io.l5d.k8s"), "127.0.0.1", api.Port, TimeProvider.System);
        var hello = Assert.IsType<NameTree<BoundName>.Leaf>(await namer.LookupAsync(NamePath.Of("default", "http", "hello"))).Value;

        api.Listed = KubernetesApiStub.Endpoints("hello", ("10.0.0.9", "http", 7777));
        await api.SendErrorGoneAsync();

        await Poll.UntilAsync(() => hello.Addresses.Current.SequenceEqual([new Address("10.0.0.9", 7777)]), Timeout, "the relisted address after 410 Gone");
    }
}

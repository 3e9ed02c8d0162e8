namespace Tracery.Mesh.Tests.Naming.Transformers;

using System.Net;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Naming.Addresses;
using Tracery.Mesh.Naming.Transformers;

public sealed class K8sLocalNodeTransformerTests
{
    [Fact]
    public async Task KeepsOnlyEndpointsInThePodsSlash24AndPrefixesTheIdWithThePodIp()
    {
        var hello = new LiveAddressSet([new("10.196.1.242", 7777), new("10.196.2.17", 7777), new("10.196.1.9", 7777)]);
        var transformer = new K8sLocalNodeTransformer(IPAddress.Parse("10.196.1.5"));

        var bound = Assert.IsType<NameTree<BoundName>.Leaf>(await transformer.TransformAsync(new("/#/io.l5d.k8s/default/http/hello", hello, NamePath.Empty))).Value;

        Assert.Equal("/%/io.l5d.k8s.localnode/10.196.1.5/#/io.l5d.k8s/default/http/hello", bound.Id);
        Assert.Equal([new Address("10.196.1.242", 7777), new Address("10.196.1.9", 7777)], bound.Addresses.Current);

        // Live: a pod rescheduled onto another node leaves this node's set.
        hello.Update([new("10.196.2.17", 7777)]);
        Assert.Empty(bound.Addresses.Current);
    }

    [Fact]
    public void ReadsPodIpFromTheEnvironment()
    {
        var transformer = K8sLocalNodeTransformer.FromEnvironment(hostNetwork: false, name => name == "POD_IP" ? "10.0.3.4" : null);

        Assert.Equal("/io.l5d.k8s.localnode/10.0.3.4", transformer.Prefix.ToString());
    }

    [Theory]
    [InlineData(null, "POD_IP env variable must be set to the pod's IP")]
    [InlineData("node-7", "POD_IP 'node-7' is not an IP address")]
    [InlineData("fd00::1", "needs an IPv4 POD_IP")]
    public void ABadOrMissingPodIpIsAClearError(string? podIp, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => K8sLocalNodeTransformer.FromEnvironment(hostNetwork: false, _ => podIp));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostNetworkKeepsTheEndpointsWhoseNodeIsNodeNameAndPrefixesTheIdWithIt()
    {
        var nodes = new Dictionary<string, string> { ["10.196.1.242"] = "node-a", ["10.196.2.17"] = "node-b" };
        var hello = new LiveAddressSet([new("10.196.1.242", 7777), new("10.196.2.17", 7777), new("10.196.3.3", 7777)]);
        var transformer = K8sLocalNodeTransformer.FromEnvironment(hostNetwork: true, name => name == "NODE_NAME" ? "node-b" : "10.0.0.1", ip => nodes.GetValueOrDefault(ip));

        var bound = Assert.IsType<NameTree<BoundName>.Leaf>(await transformer.TransformAsync(new("/#/io.l5d.k8s/default/http/hello", hello, NamePath.Empty))).Value;

        Assert.Equal("/%/io.l5d.k8s.localnode/node-b/#/io.l5d.k8s/default/http/hello", bound.Id);
        Assert.Equal([new Address("10.196.2.17", 7777)], bound.Addresses.Current);
    }

    [Fact]
    public void HostNetworkWithoutNodeNameIsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => K8sLocalNodeTransformer.FromEnvironment(hostNetwork: true, name => name == "POD_IP" ? "10.0.0.1" : null));

        Assert.Contains("NODE_NAME env variable must be set to the node's name", error.Message, StringComparison.Ordinal);
    }
}

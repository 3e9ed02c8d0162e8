namespace Tracery.Mesh.Tests.Naming.Transformers;

using System.Net;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Naming.Addresses;
using Tracery.Mesh.Naming.Delegation;
using Tracery.Mesh.Naming.Transformers;

public sealed class TransformerTests
{
    private static readonly LiveAddressSet HelloSet = new([new("127.0.0.1", 7777), new("10.1.2.3", 7777), new("127.0.0.2", 7778)]);
    private static readonly BoundName Hello = new("/#/io.l5d.fs/hello", HelloSet, NamePath.Empty);

    private static async Task<BoundName> Apply(INameTransformer transformer, BoundName name) =>
        Assert.IsType<NameTree<BoundName>.Leaf>(await transformer.TransformAsync(name)).Value;

    [Fact]
    public async Task PortRewritesEveryPortAndPrefixesTheId()
    {
        var bound = await Apply(new PortTransformer(4141), Hello);
        Assert.Equal("/%/io.l5d.port/4141/#/io.l5d.fs/hello", bound.Id);
        Assert.Equal([new("127.0.0.1", 4141), new("10.1.2.3", 4141), new("127.0.0.2", 4141)], bound.Addresses.Current);
    }

    [Fact]
    public async Task SpecificHostKeepsOnlyThatHost()
    {
        var bound = await Apply(new SpecificHostTransformer("127.0.0.2"), Hello);
        Assert.Equal("/%/io.l5d.specificHost/127.0.0.2/#/io.l5d.fs/hello", bound.Id);
        Assert.Equal([new Address("127.0.0.2", 7778)], bound.Addresses.Current);
    }

    [Fact]
    public async Task LocalhostKeepsAddressesOnThisHost()
    {
        var bound = await Apply(new LocalhostTransformer(), Hello);
        Assert.Equal("/%/io.l5d.localhost/#/io.l5d.fs/hello", bound.Id);
        Assert.Contains(new Address("127.0.0.1", 7777), bound.Addresses.Current);
        Assert.Contains(new Address("127.0.0.2", 7778), bound.Addresses.Current);

        var custom = await Apply(new LocalhostTransformer(ip => ip.Equals(IPAddress.Parse("10.1.2.3"))), Hello);
        Assert.Equal([new Address("10.1.2.3", 7777)], custom.Addresses.Current);
    }

    [Fact]
    public async Task TransformedSetsFollowTheSourceAndAreSharedPerId()
    {
        var source = new LiveAddressSet([new("127.0.0.1", 7777)]);
        var name = new BoundName("/#/io.l5d.fs/live", source, NamePath.Empty);
        var transformer = new PortTransformer(4141);
        var first = await Apply(transformer, name);
        var heard = 0;
        using var subscription = first.Addresses.Subscribe(_ => Interlocked.Increment(ref heard));

        source.Update([new("127.0.0.1", 7777), new("127.0.0.9", 7777)]);

        Assert.Equal([new("127.0.0.1", 4141), new("127.0.0.9", 4141)], first.Addresses.Current);
        Assert.Equal(1, heard);
        Assert.Same(first.Addresses, (await Apply(transformer, name)).Addresses);
    }

    [Fact]
    public async Task ChainedTransformersNestTheirPrefixes()
    {
        var delegator = new Delegator(
            [new Tracery.Mesh.Tests.Naming.TestNamer("/io.l5d.fs", new Dictionary<string, Address[]> { ["hello"] = [new("127.0.0.1", 7777), new("127.0.0.2", 7777)] })],
            [new SpecificHostTransformer("127.0.0.2"), new PortTransformer(4141)]);
        var tree = await delegator.DelegateAsync(Dtab.Parse("/svc => /#/io.l5d.fs"), NamePath.Parse("/svc/hello"));
        var bound = Assert.IsType<NameResolution.Bound>(DelegationEvaluator.Evaluate(tree));
        var name = Assert.Single(bound.Names).Name;
        Assert.Equal("/%/io.l5d.port/4141/%/io.l5d.specificHost/127.0.0.2/#/io.l5d.fs/hello", name.Id);
        Assert.Equal([new Address("127.0.0.2", 4141)], name.Addresses.Current);
        Assert.Contains("\"type\":\"transformation\",", DelegationJson.Serialize(tree));
    }

    [Fact]
    public async Task ReplaceSwapsBoundNamesButNegativeStaysNegative()
    {
        var namers = new NamerSet([]);
        var delegator = new Delegator(namers, [new ReplaceTransformer(NamePath.Parse("/$/inet/127.0.0.1/4141"), namers)]);

        var bound = Assert.IsType<NameResolution.Bound>(DelegationEvaluator.Evaluate(
            await delegator.DelegateAsync(Dtab.Parse("/svc => /$/inet/10.0.0.1/80"), NamePath.Parse("/svc"))));
        Assert.Equal("/$/inet/127.0.0.1/4141", Assert.Single(bound.Names).Name.Id);
        Assert.IsType<NameResolution.Negative>(DelegationEvaluator.Evaluate(
            await delegator.DelegateAsync(Dtab.Parse("/svc => ~"), NamePath.Parse("/svc"))));
    }

    [Fact]
    public async Task ConstReplacesEvenNegativeResolutions()
    {
        var namers = new NamerSet([]);
        var delegator = new Delegator(namers, [new ConstTransformer(NamePath.Parse("/$/inet/127.0.0.1/4141"), namers)]);

        var bound = Assert.IsType<NameResolution.Bound>(DelegationEvaluator.Evaluate(
            await delegator.DelegateAsync(Dtab.Empty, NamePath.Parse("/svc/anything"))));
        Assert.Equal([new Address("127.0.0.1", 4141)], Assert.Single(bound.Names).Name.Addresses.Current);
    }

    [Fact]
    public void ReplaceAndConstNeedANamerPath()
    {
        Assert.Throws<ArgumentException>(() => new ReplaceTransformer(NamePath.Parse("/svc/x"), new NamerSet([])));
        Assert.Throws<ArgumentException>(() => new ConstTransformer(NamePath.Parse("/svc/x"), new NamerSet([])));
    }
}

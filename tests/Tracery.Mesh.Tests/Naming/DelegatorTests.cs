namespace Tracery.Mesh.Tests.Naming;

using System.Text.Json;
using Tracery.Mesh.Naming;
using Tracery.Mesh.Naming.Delegation;

public sealed class DelegatorTests
{
    private const string TutorialDtab = """
        /srv        => /#/io.l5d.fs;
        /host       => /srv;
        /svc        => /host;
        /host/world => /srv/world-v1;
        """;

    private static readonly TestNamer Fs = new("/io.l5d.fs", new Dictionary<string, Address[]>
    {
        ["hello"] = [new("10.0.0.1", 7777)],
        ["world-v1"] = [new("10.0.0.2", 7778)],
        ["world-v2"] = [new("10.0.0.3", 7778)],
    });

    private static async Task<NameResolution> Resolve(string dtab, string path, string local = "", int maxDepth = Delegator.DefaultMaxDepth)
    {
        var interpreter = new DefaultInterpreter(Dtab.Parse(dtab), new Delegator([Fs], maxDepth: maxDepth));
        return await interpreter.ResolveAsync(NamePath.Parse(path), Dtab.Parse(local));
    }

    private static string BoundIds(NameResolution resolution) =>
        string.Join(",", Assert.IsType<NameResolution.Bound>(resolution).Names.Select(n => $"{n.Name.Id}@{n.Weight}"));

    [Fact]
    public async Task TutorialDtabRoutesHelloThroughTheChain()
    {
        var bound = Assert.IsType<NameResolution.Bound>(await Resolve(TutorialDtab, "/svc/hello"));
        var name = Assert.Single(bound.Names).Name;
        Assert.Equal("/#/io.l5d.fs/hello", name.Id);
        Assert.Equal([new Address("10.0.0.1", 7777)], name.Addresses.Current);
        Assert.True(name.Residual.IsEmpty);
    }

    [Fact]
    public async Task LaterMoreSpecificEntryWins() =>
        Assert.Equal("/#/io.l5d.fs/world-v1@1", BoundIds(await Resolve(TutorialDtab, "/svc/world")));

    [Fact]
    public async Task NegativeLaterEntryFallsBackToEarlierOne() =>
        Assert.Equal("/#/io.l5d.fs/hello@1", BoundIds(await Resolve("/svc => /#/io.l5d.fs; /svc => /#/io.l5d.fs/missing", "/svc/hello")));

    [Fact]
    public async Task LocalDtabOverridesTheRouterDtab() =>
        Assert.Equal("/#/io.l5d.fs/world-v2@1", BoundIds(await Resolve(TutorialDtab, "/svc/world", "/host/world => /srv/world-v2")));

    [Fact]
    public async Task AlternationTakesFirstBoundBranch() =>
        Assert.Equal("/#/io.l5d.fs/world-v1@1", BoundIds(await Resolve("/svc => /#/io.l5d.fs/nope | ~ | /#/io.l5d.fs/world-v1 | /#/io.l5d.fs/hello", "/svc")));

    [Fact]
    public async Task WeightedUnionSplitsAndDropsNegativeBranches() =>
        Assert.Equal(
            "/#/io.l5d.fs/world-v1@0.75,/#/io.l5d.fs/world-v2@0.25",
            BoundIds(await Resolve("/svc/world => 0.75 * /#/io.l5d.fs/world-v1 & 0.25 * /#/io.l5d.fs/world-v2 & 5 * /#/io.l5d.fs/gone", "/svc/world")));

    [Fact]
    public async Task FailureStopsFallback()
    {
        var result = await Resolve("/svc => /#/io.l5d.fs; /svc => ! | /#/io.l5d.fs/hello", "/svc/hello");
        Assert.IsType<NameResolution.Failed>(result);
        Assert.IsType<NameResolution.Failed>(await Resolve("/svc => /#/io.l5d.fs; /svc/hello => /$/fail", "/svc/hello"));
    }

    [Fact]
    public async Task NegationFallsThroughAndUnknownNamesAreNegative()
    {
        Assert.Equal("/#/io.l5d.fs/hello@1", BoundIds(await Resolve("/svc => /#/io.l5d.fs; /svc/hello => ~", "/svc/hello")));
        var negative = Assert.IsType<NameResolution.Negative>(await Resolve(TutorialDtab, "/svc/nobody"));
        Assert.Contains("/svc/nobody", negative.Detail);
        Assert.IsType<NameResolution.Negative>(await Resolve(TutorialDtab, "/other/hello"));
        Assert.IsType<NameResolution.Negative>(await Resolve("/svc => /#/io.l5d.unconfigured", "/svc/hello"));
    }

    [Fact]
    public async Task EmptyIsBoundWithoutNames() =>
        Assert.Empty(Assert.IsType<NameResolution.Bound>(await Resolve("/svc => $", "/svc/x")).Names);

    [Fact]
    public async Task WildcardPrefixRewritesKeepTheResidual()
    {
        var bound = Assert.IsType<NameResolution.Bound>(await Resolve("/http/1.1/*/* => /#/io.l5d.fs/hello", "/http/1.1/GET/h/api/v1"));
        var name = Assert.Single(bound.Names).Name;
        Assert.Equal("/#/io.l5d.fs/hello", name.Id);
        Assert.Equal("/api/v1", name.Residual.ToString());
    }

    [Theory]
    [InlineData("/http/1.1/GET/*/icecream => /$/inet/127.0.0.1/8080", "/http/1.1/GET/smitten/icecream", "/$/inet/127.0.0.1/8080")]
    [InlineData("/http/1.1/GET/*/icecream => /$/inet/127.0.0.1/8080", "/http/1.1/POST/smitten/icecream", null)]
    [InlineData("/iceCreamStore => /smitten; /smitten => /$/inet/127.0.0.1/8080", "/iceCreamStore", "/$/inet/127.0.0.1/8080")]
    [InlineData("/smitten => /$/inet/127.0.0.1/8080; /iceCreamStore => /humphrys | /smitten", "/iceCreamStore", "/$/inet/127.0.0.1/8080")]
    [InlineData("/smitten => /$/inet/127.0.0.1/8080; /iceCreamStore => /smitten; /iceCreamStore => ~", "/iceCreamStore", "/$/inet/127.0.0.1/8080")]
    [InlineData("/smitten => /$/inet/127.0.0.1/8080; /iceCreamStore => /smitten; /iceCreamStore => !", "/iceCreamStore", "fail")]
    public async Task LinkerdDocumentationExamples(string dtab, string path, string? expected)
    {
        var result = await Resolve(dtab, path);
        switch (expected)
        {
            case null:
                Assert.IsType<NameResolution.Negative>(result);
                break;
            case "fail":
                Assert.IsType<NameResolution.Failed>(result);
                break;
            default:
                Assert.Equal(expected + "@1", BoundIds(result));
                break;
        }
    }

    [Fact]
    public async Task LoopsStopAtTheRecursionLimit()
    {
        var failed = Assert.IsType<NameResolution.Failed>(await Resolve("/a => /b; /b => /a", "/a/x", maxDepth: 10));
        Assert.Contains("Max recursion level (10)", failed.Reason);
        Assert.IsType<NameResolution.Failed>(await Resolve("/a => /a/a", "/a"));
    }

    [Fact]
    public async Task InetLeavesBindHostAndPort()
    {
        var bound = Assert.IsType<NameResolution.Bound>(await Resolve("/svc/hello => /$/inet/127.0.0.1/7777", "/svc/hello/extra"));
        var name = Assert.Single(bound.Names).Name;
        Assert.Equal("/$/inet/127.0.0.1/7777", name.Id);
        Assert.Equal([new Address("127.0.0.1", 7777)], name.Addresses.Current);
        Assert.Equal("/extra", name.Residual.ToString());
        var failed = Assert.IsType<NameResolution.Failed>(await Resolve("/svc => /$/inet/h/notaport", "/svc"));
        Assert.Contains("not a port", failed.Reason);
    }

    [Fact]
    public async Task DelegationTreeRecordsEachStepAsLinkerdJson()
    {
        var interpreter = new DefaultInterpreter(Dtab.Parse(TutorialDtab), new Delegator([Fs]));
        var tree = await interpreter.DelegateAsync(NamePath.Parse("/svc/world"), Dtab.Empty);
        using var json = JsonDocument.Parse(DelegationJson.Serialize(tree));

        var root = json.RootElement;
        Assert.Equal("delegate", root.GetProperty("type").GetString());
        Assert.Equal("/svc/world", root.GetProperty("path").GetString());
        Assert.False(root.TryGetProperty("dentry", out _));
        var host = root.GetProperty("delegate");
        Assert.Equal("/host/world", host.GetProperty("path").GetString());
        Assert.Equal("/svc", host.GetProperty("dentry").GetProperty("prefix").GetString());
        Assert.Equal("/host", host.GetProperty("dentry").GetProperty("dst").GetString());

        // Two entries match /host/world: the later one first, as an alternative.
        var alt = host.GetProperty("delegate");
        Assert.Equal("alt", alt.GetProperty("type").GetString());
        var first = alt.GetProperty("alt")[0];
        Assert.Equal("/srv/world-v1", first.GetProperty("path").GetString());
        var leaf = first.GetProperty("delegate");
        Assert.Equal("leaf", leaf.GetProperty("type").GetString());
        Assert.Equal("/#/io.l5d.fs/world-v1", leaf.GetProperty("bound").GetProperty("id").GetString());
        Assert.Equal("10.0.0.2", leaf.GetProperty("bound").GetProperty("addr").GetProperty("addrs")[0].GetProperty("ip").GetString());
        Assert.Equal("/srv/world", alt.GetProperty("alt")[1].GetProperty("path").GetString());
    }

    [Fact]
    public async Task LiteralNegAndFailShowAsWrittenInTheDtab()
    {
        var interpreter = new DefaultInterpreter(Dtab.Parse("/a => ~ | !"), new Delegator([Fs]));
        using var json = JsonDocument.Parse(DelegationJson.Serialize(await interpreter.DelegateAsync(NamePath.Parse("/a"), Dtab.Empty)));
        var alt = json.RootElement.GetProperty("delegate").GetProperty("alt");
        Assert.Equal(("neg", "~"), (alt[0].GetProperty("type").GetString(), alt[0].GetProperty("path").GetString()));
        Assert.Equal(("fail", "!"), (alt[1].GetProperty("type").GetString(), alt[1].GetProperty("path").GetString()));
        Assert.Equal("~ | !", alt[0].GetProperty("dentry").GetProperty("dst").GetString());
    }
}

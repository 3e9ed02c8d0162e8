namespace Tracery.Mesh.Tests.Routing;

using System.Net;
using System.Text.RegularExpressions;
using Tracery.Mesh.Config;
using Tracery.Mesh.Config.Routing;
using Tracery.Mesh.Hosting;
using Tracery.Mesh.Routing;
using Tracery.Mesh.Routing.Forwarded;
using Tracery.Mesh.Tests.Support;

/// <summary><c>servers[].addForwardedHeader</c>: an RFC 7239 <c>Forwarded</c> header on every forwarded request.</summary>
public sealed class ForwardedHeaderTests
{
    private static async Task<(Upstream Upstream, TestMesh Mesh)> Start(ForwardedHeader? forwarded)
    {
        var upstream = await Upstream.StartAsync();
        var mesh = await TestMesh.StartAsync(
            new TableInterpreter().Bind("/svc/web", "/#/io.l5d.fs/web", new StaticAddressSet(upstream.Address)),
            r => r with { Servers = [new ServerDefinition(new IPEndPoint(IPAddress.Loopback, 0)) { AddForwardedHeader = forwarded }] });
        return (upstream, mesh);
    }

    private static ForwardedHeader Labelers(string by, string @for, string? label = null) =>
        new(PolicyMapping.Labeler(new ForwardedLabelerConfig(by, label), "outgoing"), PolicyMapping.Labeler(new ForwardedLabelerConfig(@for, label), "outgoing"));

    [Fact]
    public async Task RouterAndIpLabelersNameTheNodesWithHostAndProto()
    {
        var (upstream, mesh) = await Start(Labelers("router", "ip"));
        await using var _ = upstream;
        await using var __ = mesh;

        (await mesh.Client.GetAsync("http://web/")).EnsureSuccessStatusCode();

        Assert.Equal("by=_outgoing;for=127.0.0.1;host=web;proto=http", Assert.Single(upstream.Received).Headers["Forwarded"]);
    }

    [Fact]
    public async Task TheDefaultRequestRandomLabelsDifferPerRequestAndEarlierEntriesAreKept()
    {
        var config = ForwardedHeaderConfig.Read(null) ?? new ForwardedHeaderConfig(ForwardedLabelerConfig.Default, ForwardedLabelerConfig.Default);
        var (upstream, mesh) = await Start(new ForwardedHeader(PolicyMapping.Labeler(config.By, "outgoing"), PolicyMapping.Labeler(config.For, "outgoing")));
        await using var _ = upstream;
        await using var __ = mesh;
        var request = new HttpRequestMessage(HttpMethod.Get, "http://web/");
        request.Headers.TryAddWithoutValidation("Forwarded", "for=192.0.2.60");

        (await mesh.Client.SendAsync(request)).EnsureSuccessStatusCode();
        (await mesh.Client.GetAsync("http://web/")).EnsureSuccessStatusCode();

        var headers = upstream.Received.Select(r => r.Headers["Forwarded"]).ToList();
        Assert.Matches(new Regex("^for=192.0.2.60, by=_[A-Za-z0-9]{6};for=_[A-Za-z0-9]{6};host=web;proto=http$"), headers[0]);
        Assert.Matches(new Regex("^by=_[A-Za-z0-9]{6};for=_[A-Za-z0-9]{6};host=web;proto=http$"), headers[1]);
        Assert.NotEqual(headers[0][^40..], headers[1][^40..]);
    }

    [Fact]
    public async Task WithoutTheSettingNoHeaderIsAdded()
    {
        var (upstream, mesh) = await Start(null);
        await using var _ = upstream;
        await using var __ = mesh;

        (await mesh.Client.GetAsync("http://web/")).EnsureSuccessStatusCode();

        Assert.False(Assert.Single(upstream.Received).Headers.ContainsKey("Forwarded"));
    }

    [Theory]
    [InlineData("ip", "127.0.0.1", 80, "127.0.0.1")]
    [InlineData("ip:port", "127.0.0.1", 4140, "\"127.0.0.1:4140\"")]
    [InlineData("ip", "2001:db8::17", 80, "\"[2001:db8::17]\"")]
    [InlineData("ip:port", "2001:db8::17", 8080, "\"[2001:db8::17]:8080\"")]
    [InlineData("ip", "0.0.0.0", 80, "unknown")]
    [InlineData("static", "127.0.0.1", 80, "_edge")]
    public void LabelersWriteRfc7239Nodes(string kind, string ip, int port, string expected) =>
        Assert.Equal(expected, PolicyMapping.Labeler(new ForwardedLabelerConfig(kind, "edge"), "outgoing").Label(IPAddress.Parse(ip), port, "c1"));

    [Fact]
    public void ConnectionRandomIsStablePerConnection()
    {
        var labeler = new ObfuscatedLabeler(perConnection: true);

        Assert.Equal(labeler.Label(IPAddress.Loopback, 1, "c1"), labeler.Label(IPAddress.Loopback, 2, "c1"));
        Assert.NotEqual(labeler.Label(IPAddress.Loopback, 1, "c1"), labeler.Label(IPAddress.Loopback, 1, "c2"));
    }

    [Fact]
    public void ConfigReadsLabelersAndRejectsUnknownKinds()
    {
        const string Template = """
            routers:
            - protocol: http
              servers:
              - port: 0
                addForwardedHeader:
                  by: {kind: static, label: edge}
                  for: {kind: KIND}
            """;
        var config = new MeshConfigLoader().Load(Template.Replace("KIND", "ip:port"));
        var error = Assert.Throws<MeshConfigException>(() => new MeshConfigLoader().Load(Template.Replace("KIND", "mac")));

        Assert.Equal(new ForwardedHeaderConfig(new("static", "edge"), new("ip:port")), config.Routers[0].Servers[0].AddForwardedHeader);
        Assert.Contains("routers[0].servers[0].addForwardedHeader.for.kind", error.Message);
        Assert.Contains("unknown labeler kind 'mac'", error.Message);
    }
}

namespace Tracery.Mesh.Tests.Identifiers;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Config;
using Tracery.Mesh.Identifiers;
using Tracery.Mesh.Naming;

public sealed class IdentifierTests
{
    private static readonly NamePath Svc = NamePath.Parse("/svc");

    private static HttpRequest Request(string method = "GET", string path = "/", string? host = "hello", string protocol = "HTTP/1.1", params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Protocol = protocol;
        if (host is not null)
        {
            context.Request.Headers.Host = host;
        }

        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    private static string Found(Identification identification) =>
        identification.Path?.ToString() ?? throw new Xunit.Sdk.XunitException($"unidentified: {identification.Error}");

    [Fact]
    public void HeaderTokenUsesTheHostAsOneSegment()
    {
        Assert.Equal("/svc/hello", Found(new HeaderTokenIdentifier(Svc).Identify(Request())));
        Assert.Equal("/svc/hello:7777", Found(new HeaderTokenIdentifier(Svc).Identify(Request(host: "hello:7777"))));
        Assert.Equal("/svc/a\\x2fb", Found(new HeaderTokenIdentifier(Svc, "x-dst").Identify(Request(headers: ("x-dst", "a/b")))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void HeaderTokenWithoutHostIsUnidentifiedWithLinkerdsMessage(string? host)
    {
        var identification = new HeaderTokenIdentifier(Svc).Identify(Request(host: host));
        Assert.Null(identification.Path);
        Assert.Equal("Host header is absent", identification.Error);
    }

    [Fact]
    public void MethodAndHostFollowsTheHttpVersion()
    {
        var pfx = NamePath.Parse("/http");
        Assert.Equal("/http/1.1/GET/hello", Found(new MethodAndHostIdentifier(pfx).Identify(Request(host: "Hello", path: "/a/b"))));
        Assert.Equal("/http/1.1/POST/hello/a/b", Found(new MethodAndHostIdentifier(pfx, httpUriInDst: true).Identify(Request("POST", "/a//b"))));
        Assert.Equal("/http/1.0/GET", Found(new MethodAndHostIdentifier(pfx).Identify(Request(host: null, protocol: "HTTP/1.0"))));
        Assert.Equal("Host header is absent", new MethodAndHostIdentifier(pfx).Identify(Request(host: null)).Error);
    }

    [Fact]
    public void PathTakesSegmentsAndMayConsumeThem()
    {
        Assert.Equal("/svc/users/v1", Found(new PathIdentifier(Svc, 2).Identify(Request(path: "/users/v1/42"))));
        var request = Request(path: "/users/42");
        Assert.Equal("/svc/users", Found(new PathIdentifier(Svc, 1, consume: true).Identify(request)));
        Assert.Equal("/42", request.Path.Value);
        var consumedAll = Request(path: "/users");
        new PathIdentifier(Svc, 1, consume: true).Identify(consumedAll);
        Assert.Equal("/", consumedAll.Path.Value);
        Assert.Contains("fewer than 3 path segments", new PathIdentifier(Svc, 3).Identify(Request(path: "/a/b")).Error);
    }

    [Fact]
    public void HeaderReadsAPath()
    {
        Assert.Equal("/svc/hello/v2", Found(new HeaderPathIdentifier(Svc).Identify(Request(headers: ("l5d-name", "/hello/v2")))));
        Assert.Equal("l5d-name header is absent", new HeaderPathIdentifier(Svc).Identify(Request()).Error);
        Assert.Contains("is not a path", new HeaderPathIdentifier(Svc).Identify(Request(headers: ("l5d-name", "hello"))).Error);
    }

    [Fact]
    public void StaticAlwaysAnswersItsPath() =>
        Assert.Equal("/svc/fixed/one", Found(new StaticIdentifier(Svc, NamePath.Parse("/fixed/one")).Identify(Request(host: null))));

    [Fact]
    public void ListsTryEachIdentifierInOrder()
    {
        var router = new MeshConfigLoader().Load("""
            routers:
            - protocol: http
              identifier:
              - kind: io.l5d.header
              - kind: io.l5d.header.token
              servers: [{port: 0}]
            """).Routers[0];
        var identifier = IdentifierKinds.CreateDefault().Create(router);

        Assert.Equal("/svc/named", Found(identifier.Identify(Request(headers: ("l5d-name", "/named")))));
        Assert.Equal("/svc/hello", Found(identifier.Identify(Request())));
        Assert.Equal("l5d-name header is absent; Host header is absent", identifier.Identify(Request(host: null)).Error);
    }

    [Fact]
    public void TheDefaultIdentifierIsHeaderToken()
    {
        var router = new MeshConfigLoader().Load("routers:\n- protocol: http\n  dstPrefix: /in\n  servers: [{port: 0}]").Routers[0];
        Assert.Equal("/in/hello", Found(IdentifierKinds.CreateDefault().Create(router).Identify(Request())));
    }
}

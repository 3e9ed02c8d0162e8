namespace Tracery.Tracing.Tests.Codec.V1;

using Tracery.Tracing.Model;

/// <summary>The v1 to v2 cases of Zipkin's SpanConverterTest.</summary>
public sealed class V1SpanConverterTests
{
    internal static readonly Endpoint Frontend = new("frontend", "172.17.0.13", null, 0);
    internal static readonly Endpoint Backend = new("backend", "192.168.99.101", null, 9000);
    internal static readonly Endpoint Kafka = new("kafka", null, null, 0);
    const long T = 1472470996199000;

    static SpanBuilder V2(string? parentId, string id, string? name) =>
        new SpanBuilder().TraceId("1").ParentId(parentId).Id(id).Name(name);

    [Fact]
    public void Client()
    {
        var v1 = V1Draft.Span(1, 2, 3, "get").Times(T, 207000)
            .Annotation(T, "cs", Frontend).Annotation(T + 39000, "ws", Frontend)
            .Annotation(T + 204000, "wr", Frontend).Annotation(T + 207000, "cr", Frontend)
            .Tag("http.path", "/api", Frontend).Tag("clnt/finagle.version", "6.45.0", Frontend).Address("sa", Backend);
        var v2 = V2("2", "3", "get").Kind(SpanKind.Client).LocalEndpoint(Frontend).RemoteEndpoint(Backend)
            .Timestamp(T).Duration(207000).AddAnnotation(T + 39000, "ws").AddAnnotation(T + 204000, "wr")
            .PutTag("http.path", "/api").PutTag("clnt/finagle.version", "6.45.0").Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void ClientUnfinished()
    {
        var v1 = V1Draft.Span(1, 2, 3, "get").Times(T, 0).Annotation(T, "cs", Frontend).Annotation(T + 39000, "ws", Frontend);
        var v2 = V2("2", "3", "get").Kind(SpanKind.Client).LocalEndpoint(Frontend).Timestamp(T).AddAnnotation(T + 39000, "ws").Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void LateRemoteEndpointCr()
    {
        var v1 = V1Draft.Span(1, 2, 3, "get").Annotation(T, "cr", Frontend).Address("sa", Backend);
        var v2 = V2("2", "3", "get").Kind(SpanKind.Client).LocalEndpoint(Frontend).RemoteEndpoint(Backend).AddAnnotation(T, "cr").Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void LateRemoteEndpointSaIsNotForcedToClient()
    {
        var v1 = V1Draft.Span(1, 2, 3, null).Address("sa", Backend);
        Assert.Equal([V2("2", "3", null).RemoteEndpoint(Backend).Build()], v1.ToV2());
    }

    [Fact]
    public void EmptyLocalComponentKeepsOnlyTheEndpoint()
    {
        var v1 = V1Draft.Span(1, 0, 2, "local").Times(T, 207000).Tag("lc", "", new Endpoint("frontend", null, null, 0));
        var v2 = V2(null, "2", "local").LocalEndpoint(new Endpoint("frontend", null, null, 0)).Timestamp(T).Duration(207000).Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void NonEmptyLocalComponentIsATag()
    {
        var span = Assert.Single(V1Draft.Span(1, 0, 2, "local").Tag("lc", "cache", Frontend).ToV2());
        Assert.Equal("cache", span.Tags["lc"]);
    }

    [Fact]
    public void Server()
    {
        var v1 = V1Draft.Span(1, 0, 2, "get").Times(T, 207000).Annotation(T, "sr", Backend).Annotation(T + 207000, "ss", Backend)
            .Tag("http.path", "/api", Backend).Tag("finagle.version", "6.45.0", Backend).Address("ca", Frontend);
        var v2 = V2(null, "2", "get").Kind(SpanKind.Server).LocalEndpoint(Backend).RemoteEndpoint(Frontend)
            .Timestamp(T).Duration(207000).PutTag("http.path", "/api").PutTag("finagle.version", "6.45.0").Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void ServerClientAddressFromFinagle()
    {
        var client = Frontend with { Port = 63840 };
        var v1 = V1Draft.Span(1, 0, 2, "get").Annotation(T, "sr", Backend).Annotation(T + 500, "Gc(9,0.PSScavenge)", Backend)
            .Annotation(T + 207000, "ss", Backend).Tag("srv/finagle.version", "6.28.0", Backend with { Port = 0 })
            .Address("sa", Backend).Address("ca", client);
        var v2 = V2(null, "2", "get").Kind(SpanKind.Server).LocalEndpoint(Backend).RemoteEndpoint(client).Timestamp(T)
            .Duration(207000).AddAnnotation(T + 500, "Gc(9,0.PSScavenge)").PutTag("srv/finagle.version", "6.28.0").Shared(true).Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void MissingEndpointsAndParentEqualToTrace()
    {
        var v1 = V1Draft.Span(1, 1, 2, "foo").Times(T, 207000);
        Assert.Equal([V2("1", "2", "foo").Timestamp(T).Duration(207000).Build()], v1.ToV2());
    }

    [Fact]
    public void CoreAnnotationWithoutEndpointIsJustAnEvent()
    {
        var v1 = V1Draft.Span(1, 1, 2, "foo").Times(T, 0).Annotation(T, "sr", null);
        Assert.Equal([V2("1", "2", "foo").Timestamp(T).AddAnnotation(T, "sr").Build()], v1.ToV2());
    }

    [Fact]
    public void ServerWithoutV1TimesIsShared()
    {
        var v1 = V1Draft.Span(1, 2, 3, "get").Annotation(T, "sr", Backend).Annotation(T + 207000, "ss", Backend);
        var v2 = V2("2", "3", "get").Kind(SpanKind.Server).Shared(true).LocalEndpoint(Backend).Timestamp(T).Duration(207000).Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void ServerIncompleteIsShared()
    {
        var v1 = V1Draft.Span(1, 2, 3, "get").Annotation(T, "sr", Backend);
        Assert.Equal([V2("2", "3", "get").Kind(SpanKind.Server).Shared(true).LocalEndpoint(Backend).Timestamp(T).Build()], v1.ToV2());
    }

    [Fact]
    public void LateRemoteEndpointCaOnlyMakesAServer()
    {
        var v1 = V1Draft.Span(1, 0, 2, null).Address("ca", Frontend);
        Assert.Equal([V2(null, "2", null).Kind(SpanKind.Server).RemoteEndpoint(Frontend).Build()], v1.ToV2());
    }

    [Fact]
    public void ProducerWithBroker()
    {
        var v1 = V1Draft.Span(1, 2, 3, "send").Times(T, 0).Annotation(T, "ms", Frontend).Address("ma", Kafka);
        var v2 = V2("2", "3", "send").Kind(SpanKind.Producer).LocalEndpoint(Frontend).RemoteEndpoint(Kafka).Timestamp(T).Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void ProducerDurationFromWs()
    {
        var v1 = V1Draft.Span(1, 2, 3, "send").Annotation(T, "ms", Frontend).Annotation(T + 51000, "ws", Frontend);
        var v2 = V2("2", "3", "send").Kind(SpanKind.Producer).LocalEndpoint(Frontend).Timestamp(T).Duration(51000).Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void ConsumerDurationFromWr()
    {
        var v1 = V1Draft.Span(1, 2, 3, "next-message").Annotation(T, "wr", Backend).Annotation(T + 51000, "mr", Backend);
        var v2 = V2("2", "3", "next-message").Kind(SpanKind.Consumer).LocalEndpoint(Backend).Timestamp(T).Duration(51000).Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void ClientAndServerAreSplit()
    {
        var v1 = V1Draft.Span(1, 2, 3, "get").Times(T, 207000)
            .Annotation(T, "cs", Frontend).Annotation(T + 39000, "ws", Frontend).Annotation(T + 51000, "sr", Backend)
            .Annotation(T + 151000, "ss", Backend).Annotation(T + 204000, "wr", Frontend).Annotation(T + 207000, "cr", Frontend)
            .Tag("http.path", "/api", Frontend).Tag("http.path", "/BACKEND", Backend)
            .Tag("clnt/finagle.version", "6.45.0", Frontend).Tag("srv/finagle.version", "6.44.0", Backend)
            .Address("ca", Frontend).Address("sa", Backend);
        var client = V2("2", "3", "get").Kind(SpanKind.Client).LocalEndpoint(Frontend).RemoteEndpoint(Backend).Timestamp(T)
            .Duration(207000).AddAnnotation(T + 39000, "ws").AddAnnotation(T + 204000, "wr")
            .PutTag("http.path", "/api").PutTag("clnt/finagle.version", "6.45.0").Build();
        var server = V2("2", "3", "get").Kind(SpanKind.Server).Shared(true).LocalEndpoint(Backend).RemoteEndpoint(Frontend)
            .Timestamp(T + 51000).Duration(100000).PutTag("http.path", "/BACKEND").PutTag("srv/finagle.version", "6.44.0").Build();
        Assert.Equal([client, server], v1.ToV2());
    }

    [Fact]
    public void ClientAndServerLoopbackForksTheServer()
    {
        var v1 = V1Draft.Span(1, 2, 3, "get").Times(T, 207000).Annotation(T, "cs", Frontend)
            .Annotation(T + 51000, "sr", Frontend).Annotation(T + 151000, "ss", Frontend).Annotation(T + 207000, "cr", Frontend);
        var client = V2("2", "3", "get").Kind(SpanKind.Client).LocalEndpoint(Frontend).Timestamp(T).Duration(207000).Build();
        var server = V2("2", "3", "get").Kind(SpanKind.Server).Shared(true).LocalEndpoint(Frontend).Timestamp(T + 51000).Duration(100000).Build();
        Assert.Equal([client, server], v1.ToV2());
    }

    [Fact]
    public void OneWayLoopbackHasNoDurations()
    {
        var v1 = V1Draft.Span(1, 2, 3, "get").Annotation(T, "cs", Frontend).Annotation(T + 51000, "sr", Frontend);
        var client = V2("2", "3", "get").Kind(SpanKind.Client).LocalEndpoint(Frontend).Timestamp(T).Build();
        var server = V2("2", "3", "get").Kind(SpanKind.Server).Shared(true).LocalEndpoint(Frontend).Timestamp(T + 51000).Build();
        Assert.Equal([client, server], v1.ToV2());
    }

    [Fact]
    public void MissingCsIsRecoveredFromTheV1Times()
    {
        var v1 = V1Draft.Span(1, 0, 2, "get").Times(T, 207000).Annotation(T + 207000, "cs", Frontend);
        // Zipkin's case: a lone "cs" at timestamp+duration is an end, so the span keeps the v1 times.
        var v2 = V2(null, "2", "get").Kind(SpanKind.Client).LocalEndpoint(Frontend).Timestamp(T).Duration(207000).Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void MissingSrIsRecoveredFromTheV1Times()
    {
        var v1 = V1Draft.Span(1, 0, 2, "get").Times(T, 207000).Annotation(T + 207000, "ss", Backend);
        var v2 = V2(null, "2", "get").Kind(SpanKind.Server).LocalEndpoint(Backend).Timestamp(T).Duration(207000).Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void RedundantAddressAnnotationsOnAClientAreKept()
    {
        var v1 = V1Draft.Span(1, 2, 3, "get").Times(T, 207000).Annotation(T, "cs", Frontend).Annotation(T + 207000, "cr", Frontend)
            .Address("ca", Frontend).Address("sa", Frontend);
        var v2 = V2("2", "3", "get").Kind(SpanKind.Client).LocalEndpoint(Frontend).RemoteEndpoint(Frontend).Timestamp(T).Duration(207000).Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void RedundantServiceNameOnAServersClientAddressIsIgnored()
    {
        var v1 = V1Draft.Span(1, 2, 3, "get").Times(T, 207000).Annotation(T, "sr", Frontend).Annotation(T + 207000, "ss", Frontend)
            .Address("ca", Frontend).Address("sa", Frontend);
        var v2 = V2("2", "3", "get").Kind(SpanKind.Server).LocalEndpoint(Frontend).Timestamp(T).Duration(207000).Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void ServerKeepsTheClientSocketWithoutItsMisleadingName()
    {
        var v1 = V1Draft.Span(1, 2, 3, "get").Times(T, 207000).Annotation(T, "sr", Backend).Annotation(T + 207000, "ss", Backend)
            .Address("ca", Frontend with { ServiceName = "backend" }).Address("sa", Backend);
        var v2 = V2("2", "3", "get").Kind(SpanKind.Server).LocalEndpoint(Backend).RemoteEndpoint(Frontend with { ServiceName = null })
            .Timestamp(T).Duration(207000).Build();
        Assert.Equal([v2], v1.ToV2());
    }

    [Fact]
    public void ProducerAndConsumerInOneSpan()
    {
        var v1 = V1Draft.Span(1, 2, 3, "whatev").Annotation(T, "ms", Frontend).Annotation(T + 39000, "ws", Frontend)
            .Annotation(T + 204000, "wr", Backend).Annotation(T + 207000, "mr", Backend).Address("ma", Kafka);
        var producer = V2("2", "3", "whatev").Kind(SpanKind.Producer).LocalEndpoint(Frontend).RemoteEndpoint(Kafka).Timestamp(T).Duration(39000).Build();
        var consumer = V2("2", "3", "whatev").Kind(SpanKind.Consumer).Shared(true).LocalEndpoint(Backend).RemoteEndpoint(Kafka)
            .Timestamp(T + 204000).Duration(3000).Build();
        Assert.Equal([producer, consumer], v1.ToV2());
    }

    [Fact]
    public void ProducerAndConsumerLoopback()
    {
        var v1 = V1Draft.Span(1, 2, 3, "message").Annotation(T, "ms", Frontend).Annotation(T + 39000, "ws", Frontend)
            .Annotation(T + 204000, "wr", Frontend).Annotation(T + 207000, "mr", Frontend);
        var producer = V2("2", "3", "message").Kind(SpanKind.Producer).LocalEndpoint(Frontend).Timestamp(T).Duration(39000).Build();
        var consumer = V2("2", "3", "message").Kind(SpanKind.Consumer).Shared(true).LocalEndpoint(Frontend).Timestamp(T + 204000).Duration(3000).Build();
        Assert.Equal([producer, consumer], v1.ToV2());
    }

    [Fact]
    public void OnlyAddressAnnotations()
    {
        var v1 = V1Draft.Span(1, 2, 3, "rpc").Address("ca", Frontend).Address("sa", Backend);
        Assert.Equal([V2("2", "3", "rpc").LocalEndpoint(Frontend).RemoteEndpoint(Backend).Build()], v1.ToV2());
    }

    [Fact]
    public void DataMissingEndpointGoesOnFirstSpan()
    {
        var v1 = V1Draft.Span(1, 0, 2, "missing").Annotation(T, "foo", Frontend).Annotation(T + 39000, "bar", Frontend)
            .Annotation(T + 51000, "baz", Backend).Annotation(T + 151000, "qux", Backend).Annotation(T + 204000, "missing", null)
            .Tag("foo", "bar", Frontend).Tag("baz", "qux", Backend).Tag("missing", "", null);
        var first = V2(null, "2", "missing").LocalEndpoint(Frontend).AddAnnotation(T, "foo").AddAnnotation(T + 39000, "bar")
            .AddAnnotation(T + 204000, "missing").PutTag("foo", "bar").PutTag("missing", "").Build();
        var second = V2(null, "2", "missing").LocalEndpoint(Backend).AddAnnotation(T + 51000, "baz").AddAnnotation(T + 151000, "qux")
            .PutTag("baz", "qux").Build();
        Assert.Equal([first, second], v1.ToV2());
    }

    [Fact]
    public void WsAndWrWithoutMessagingAreEvents()
    {
        var v1 = V1Draft.Span(1, 0, 2, "x").Annotation(T, "ws", Frontend).Annotation(T + 1, "wr", Frontend);
        Assert.Equal([V2(null, "2", "x").LocalEndpoint(Frontend).AddAnnotation(T, "ws").AddAnnotation(T + 1, "wr").Build()], v1.ToV2());
    }
}

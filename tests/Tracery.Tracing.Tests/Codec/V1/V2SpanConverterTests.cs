namespace Tracery.Tracing.Tests.Codec.V1;

using Tracery.Tracing.Codec.V1;
using Tracery.Tracing.Model;
using static V1SpanConverterTests;

/// <summary>v2 to v1 (for Thrift over Scribe): the cases Zipkin's SpanConverterTest checks in both directions.</summary>
public sealed class V2SpanConverterTests
{
    const long T = 1472470996199000;

    static SpanBuilder V2(string? parentId, string id, string? name) => new SpanBuilder().TraceId("1").ParentId(parentId).Id(id).Name(name);

    public static TheoryData<string, Span> Cases() => new()
    {
        { "client", V2("2", "3", "get").Kind(SpanKind.Client).LocalEndpoint(Frontend).RemoteEndpoint(Backend).Timestamp(T).Duration(207000)
            .AddAnnotation(T + 39000, "ws").AddAnnotation(T + 204000, "wr").PutTag("http.path", "/api").Build() },
        { "client_unfinished", V2("2", "3", "get").Kind(SpanKind.Client).LocalEndpoint(Frontend).Timestamp(T).AddAnnotation(T + 39000, "ws").Build() },
        { "lateRemoteEndpoint_cr", V2("2", "3", "get").Kind(SpanKind.Client).LocalEndpoint(Frontend).RemoteEndpoint(Backend).AddAnnotation(T, "cr").Build() },
        { "lateRemoteEndpoint_sa", V2("2", "3", null).RemoteEndpoint(Backend).Build() },
        { "noAnnotationsExceptAddresses", V2("2", "3", "get").LocalEndpoint(Frontend).RemoteEndpoint(Backend).Timestamp(T).Duration(207000).Build() },
        { "server", V2(null, "2", "get").Kind(SpanKind.Server).LocalEndpoint(Backend).RemoteEndpoint(Frontend).Timestamp(T).Duration(207000).PutTag("http.path", "/api").Build() },
        { "missingEndpoints", V2("1", "2", "foo").Timestamp(T).Duration(207000).Build() },
        { "missingEndpoints_coreAnnotation", V2("1", "2", "foo").Timestamp(T).AddAnnotation(T, "sr").Build() },
        { "server_shared", V2("2", "3", "get").Kind(SpanKind.Server).Shared(true).LocalEndpoint(Backend).Timestamp(T).Duration(207000).Build() },
        { "server_incomplete_shared", V2("2", "3", "get").Kind(SpanKind.Server).Shared(true).LocalEndpoint(Backend).Timestamp(T).Build() },
        { "lateRemoteEndpoint_ss", V2(null, "2", "get").Kind(SpanKind.Server).LocalEndpoint(Backend).RemoteEndpoint(Frontend).AddAnnotation(T, "ss").Build() },
        { "lateRemoteEndpoint_ca", V2(null, "2", null).Kind(SpanKind.Server).RemoteEndpoint(Frontend).Build() },
        { "localSpan_emptyComponent", V2(null, "2", "local").LocalEndpoint(new Endpoint("frontend", null, null, 0)).Timestamp(T).Duration(207000).Build() },
        { "producer_remote", V2("2", "3", "send").Kind(SpanKind.Producer).LocalEndpoint(Frontend).RemoteEndpoint(Kafka).Timestamp(T).Build() },
        { "producer_duration", V2("2", "3", "send").Kind(SpanKind.Producer).LocalEndpoint(Frontend).Timestamp(T).Duration(51000).Build() },
        { "consumer", V2("2", "3", "next-message").Kind(SpanKind.Consumer).LocalEndpoint(Backend).Timestamp(T).Build() },
        { "consumer_remote", V2("2", "3", "next-message").Kind(SpanKind.Consumer).LocalEndpoint(Backend).RemoteEndpoint(Kafka).Timestamp(T).Build() },
        { "consumer_duration", V2("2", "3", "next-message").Kind(SpanKind.Consumer).LocalEndpoint(Backend).Timestamp(T).Duration(51000).Build() },
        { "128-bit trace", new SpanBuilder().TraceId("463ac35c9f6413ad48485a3953bb6124").Id("2").Kind(SpanKind.Client).LocalEndpoint(Frontend).Timestamp(T).Build() },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SurvivesV1AndBack(string name, Span v2)
    {
        var v1 = new V1Span();
        V2SpanConverter.Convert(v2, v1);
        var back = new List<Span>();
        new V1SpanConverter().Convert(v1, back);
        Assert.True(back.Count == 1, name);
        Assert.Equal(v2, back[0]);
    }

    [Fact]
    public void ClientBecomesCoreAnnotationsAndAnAddress()
    {
        var v1 = new V1Span();
        V2SpanConverter.Convert(Cases().Select(row => (Span)row[1]).First(), v1);
        Assert.Equal(["cs", "ws", "wr", "cr"], v1.Annotations.Select(a => a.Value));
        Assert.Equal(T + 207000, v1.Annotations[^1].Timestamp);
        Assert.All(v1.Annotations, a => Assert.Equal(Frontend, a.Endpoint));
        Assert.Equal([new("http.path", "/api", Frontend), new("sa", null, Backend)], v1.BinaryAnnotations);
        Assert.Equal((T, 207000L), (v1.Timestamp, v1.Duration));
    }

    [Fact]
    public void SharedSpansCarryNoV1Times()
    {
        var v1 = new V1Span();
        V2SpanConverter.Convert(V2(null, "2", "get").Kind(SpanKind.Server).Shared(true).LocalEndpoint(Backend).Timestamp(T).Duration(5).Build(), v1);
        Assert.Equal((0L, 0L), (v1.Timestamp, v1.Duration));
        Assert.Equal(["sr", "ss"], v1.Annotations.Select(a => a.Value));
    }
}

namespace Tracery.Tracing.Tests.Codec;

using System.Text;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

public sealed class JsonV1Tests
{
    const string Shared = """
        [{"traceId":"463ac35c9f6413ad48485a3953bb6124","name":"GET","id":"48485a3953bb6124","parentId":"6b221d5bc9e6496c",
          "timestamp":1472470996199000,"duration":207000,
          "annotations":[
            {"timestamp":1472470996199000,"value":"cs","endpoint":{"serviceName":"frontend","ipv4":"172.17.0.13"}},
            {"timestamp":1472470996250000,"value":"sr","endpoint":{"serviceName":"backend","ipv4":"192.168.99.101","port":9000}},
            {"timestamp":1472470996350000,"value":"ss","endpoint":{"serviceName":"backend","ipv4":"192.168.99.101","port":9000}},
            {"timestamp":1472470996406000,"value":"cr","endpoint":{"serviceName":"frontend","ipv4":"172.17.0.13"}}],
          "binaryAnnotations":[
            {"key":"http.path","value":"/api","endpoint":{"serviceName":"frontend","ipv4":"172.17.0.13"}},
            {"key":"http.status","value":200,"endpoint":{"serviceName":"frontend","ipv4":"172.17.0.13"}},
            {"key":"sa","value":true,"endpoint":{"serviceName":"backend","ipv4":"192.168.99.101","port":9000}},
            {"key":"ca","value":true,"endpoint":{"serviceName":"frontend","ipv4":"172.17.0.13"}},
            {"key":"ma","value":false,"endpoint":{"serviceName":"kafka"}},
            {"key":"lc","value":"","endpoint":{"serviceName":"frontend"}}]}]
        """;

    [Fact]
    public void SharedSpanIsSplitIntoClientAndServer()
    {
        var spans = SpanBytesDecoder.DecodeList(Encoding.UTF8.GetBytes(Shared), SpanEncoding.JsonV1);
        Assert.Equal(2, spans.Count);
        var client = spans[0];
        var server = spans[1];
        Assert.Equal("463ac35c9f6413ad48485a3953bb6124", client.TraceId);
        Assert.Equal((SpanKind.Client, "get", 1472470996199000L, 207000L), (client.Kind, client.Name, client.Timestamp, client.Duration));
        Assert.Equal(new Endpoint("backend", "192.168.99.101", null, 9000), client.RemoteEndpoint);
        Assert.Equal("/api", client.Tags["http.path"]);
        Assert.Single(client.Tags); // the numeric http.status is dropped, the empty lc too
        Assert.Equal((SpanKind.Server, true, 1472470996250000L, 100000L), (server.Kind, server.Shared, server.Timestamp, server.Duration));
        Assert.Equal(new Endpoint("frontend", "172.17.0.13", null, 0), server.RemoteEndpoint);
    }

    [Fact]
    public void DetectedAsV1() => Assert.Equal(SpanEncoding.JsonV1, SpanBytesDecoder.DetectEncoding(Encoding.UTF8.GetBytes(Shared)));

    [Fact]
    public void EmptyIsAnEmptyList()
    {
        Assert.Empty(SpanBytesDecoder.DecodeList([], SpanEncoding.JsonV1));
        Assert.Empty(SpanBytesDecoder.DecodeList("[]"u8, SpanEncoding.JsonV1));
    }

    [Fact]
    public void AmbiguousJsonReadsTheSameAsV2()
    {
        var json = """[{"traceId":"1","id":"1","name":"test"}]"""u8;
        Assert.Equal(SpanBytesDecoder.DecodeList(json, SpanEncoding.JsonV2), SpanBytesDecoder.DecodeList(json, SpanEncoding.JsonV1));
    }

    [Theory]
    [InlineData("""[{"traceId":"48485A3953BB6124","id":"1"}]""", "48485A3953BB6124 should be a 1 to 32 character lower-hex string with no prefix reading List<Span> from json")]
    [InlineData("""[{"traceId":"1"}]""", "id == 0 reading List<Span> from json")]
    [InlineData("""[{"id":"1"}]""", "traceId == 0 reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2","binaryAnnotations":[{"value":"x"}]}]""", "No key at $[0].binaryAnnotations[0].value reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2","annotations":[{"value":"x"}]}]""", "Incomplete annotation at $[0].annotations[0].value reading List<Span> from json")]
    [InlineData("""[{"traceId":"1","id":"2" """, "Malformed reading List<Span> from json")]
    public void BadInputFailsWithZipkinsMessage(string json, string message) =>
        Assert.Equal(message, Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeList(Encoding.UTF8.GetBytes(json), SpanEncoding.JsonV1)).Message);
}

namespace Tracery.Tracing.Tests.Codec;

using System.Text;
using System.Text.Json;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

public sealed class JsonV2Tests
{
    [Fact]
    public void RoundTripsEveryField()
    {
        var bytes = SpanBytesEncoder.EncodeList(TestSpans.All, SpanEncoding.JsonV2);
        Assert.Equal(TestSpans.All, SpanBytesDecoder.DecodeList(bytes, SpanEncoding.JsonV2));
    }

    [Fact]
    public void RoundTripsOneSpan()
    {
        var bytes = SpanBytesEncoder.EncodeOne(TestSpans.Client, SpanEncoding.JsonV2);
        Assert.Equal(TestSpans.Client, SpanBytesDecoder.DecodeOne(bytes, SpanEncoding.JsonV2));
    }

    [Fact]
    public void WritesFieldsInZipkinsOrderAndNonAsciiAsUtf8()
    {
        var json = Encoding.UTF8.GetString(SpanBytesEncoder.EncodeOne(TestSpans.Client, SpanEncoding.JsonV2));
        Assert.Equal(
            """{"traceId":"7180c278b62e8f6a216a2aea45d08fc9","parentId":"6b221d5bc9e6496c","id":"5b4185666d50f68b","kind":"CLIENT","name":"get","timestamp":1472470996199000,"duration":207000,"localEndpoint":{"serviceName":"frontend","ipv4":"172.17.0.13"},"remoteEndpoint":{"serviceName":"backend","ipv4":"192.168.99.101","port":9000},"annotations":[{"timestamp":1472470996238000,"value":"foo"},{"timestamp":1472470996403000,"value":"bar"}],"tags":{"clnt/finagle.version":"6.45.0","http.path":"/api"}}""",
            json);
        Assert.Contains("中文", Encoding.UTF8.GetString(SpanBytesEncoder.EncodeOne(TestSpans.Utf8, SpanEncoding.JsonV2)));
    }

    [Fact]
    public void OmitsFalseFlagsAndWritesTrueOnes()
    {
        var json = Encoding.UTF8.GetString(SpanBytesEncoder.EncodeOne(TestSpans.Utf8, SpanEncoding.JsonV2));
        Assert.EndsWith("\"shared\":true}", json);
        Assert.DoesNotContain("debug", json);
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void EveryFixtureSurvivesAReEncode(string name)
    {
        var spans = SpanBytesDecoder.DecodeList(Fixtures.Read(name), SpanEncoding.JsonV2);
        Assert.NotEmpty(spans);
        var again = SpanBytesDecoder.DecodeList(SpanBytesEncoder.EncodeList(spans, SpanEncoding.JsonV2), SpanEncoding.JsonV2);
        Assert.Equal(spans, again);
        Assert.Equal(spans, spans.Select(s => s.Normalize()));
    }

    public static TheoryData<string> FixtureNames() => Fixtures.Names();

    [Fact]
    public void FixtureDetailsAreRead()
    {
        var spans = SpanBytesDecoder.DecodeList(Fixtures.Read("messaging.json"), SpanEncoding.JsonV2);
        Assert.Equal(4, spans.Count);
        Assert.All(spans, s => Assert.Equal(32, s.TraceId.Length));
        Assert.Contains(spans, s => s.Kind == SpanKind.Consumer);
    }

    [Fact]
    public void EmptyInputIsAnEmptyList()
    {
        Assert.Empty(SpanBytesDecoder.DecodeList([], SpanEncoding.JsonV2));
        Assert.Empty(SpanBytesDecoder.DecodeList("[]"u8, SpanEncoding.JsonV2));
    }

    [Fact]
    public void NullsOnOptionalFieldsAndUnknownFieldsAreSkipped()
    {
        var json = """[{"traceId":"1","parentId":null,"id":"2","name":null,"timestamp":null,"localEndpoint":{"serviceName":null,"ipv4":"127.0.0.1","port":null},"remoteEndpoint":{},"annotations":null,"tags":null,"debug":null,"shared":null,"extra":{"a":[1,2,{"b":null}]}}]"""u8;
        var span = Assert.Single(SpanBytesDecoder.DecodeList(json, SpanEncoding.JsonV2));
        Assert.Equal(new Span { TraceId = "0000000000000001", Id = "0000000000000002", LocalEndpoint = new(null, "127.0.0.1", null, 0) }, span);
    }

    [Fact]
    public void NormalisesWhileReading()
    {
        var json = """[{"traceId":"00000000000000000000000000000001","id":"2","parentId":"2","kind":"CLIENT","shared":true,"name":"GET","localEndpoint":{"serviceName":"FE","ipv6":"::ffff:10.0.0.1","port":-1},"annotations":[{"timestamp":2,"value":"b","endpoint":{}},{"timestamp":1,"value":"a"},{"timestamp":1,"value":"a"}],"tags":{"z":"","a":"1"}}]"""u8;
        var span = Assert.Single(SpanBytesDecoder.DecodeList(json, SpanEncoding.JsonV2));
        var expected = new SpanBuilder().TraceId("1").Id("2").Kind(SpanKind.Client).Name("get")
            .LocalEndpoint(new Endpoint("fe", "10.0.0.1", null, 0)).AddAnnotation(1, "a").AddAnnotation(2, "b")
            .PutTag("a", "1").PutTag("z", "").Build();
        Assert.Equal(expected, span);
    }

    [Fact]
    public void EscapedTextIsUnescaped()
    {
        var json = """[{"traceId":"1","id":"2","name":"\u0041b","tags":{"k\"":"v\\"}}]"""u8;
        var span = Assert.Single(SpanBytesDecoder.DecodeList(json, SpanEncoding.JsonV2));
        Assert.Equal("ab", span.Name);
        Assert.Equal("v\\", span.Tags["k\""]);
    }

    [Fact]
    public void EncodesIntoACallersWriter()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) SpanBytesEncoder.WriteJsonV2(writer, TestSpans.Local);
        Assert.Equal(TestSpans.Local, SpanBytesDecoder.DecodeOne(buffer.WrittenSpan, SpanEncoding.JsonV2));
    }
}

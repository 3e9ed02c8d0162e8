namespace Tracery.Tracing.Tests.Codec;

using Tracery.Tracing.Codec;

public sealed class SpanFormatCheckTests
{
    const string V1 = """[{"traceId":"1","id":"2","name":"get","binaryAnnotations":[{"key":"lc","value":""}]}]""";
    const string V2 = """[{"traceId":"1","id":"2","localEndpoint":{"serviceName":"a"}}]""";
    const string Ambiguous = """[{"traceId":"1","id":"1","name":"test"}]""";

    [Fact]
    public void V1SentToTheV2PathIsNamed() =>
        Assert.Equal("Expected a JSON_V2 encoded list, but received: JSON_V1\n", SpanFormatCheck.Problem(Bytes(V1), SpanEncoding.JsonV2));

    [Fact]
    public void V2SentToTheV1PathIsNamed() =>
        Assert.Equal("Expected a JSON_V1 encoded list, but received: JSON_V2\n", SpanFormatCheck.Problem(Bytes(V2), SpanEncoding.JsonV1));

    [Fact]
    public void AmbiguousAndEmptyBodiesPassBothPaths()
    {
        Assert.Null(SpanFormatCheck.Problem(Bytes(Ambiguous), SpanEncoding.JsonV2));
        Assert.Null(SpanFormatCheck.Problem(Bytes(Ambiguous), SpanEncoding.JsonV1));
        Assert.Null(SpanFormatCheck.Problem([], SpanEncoding.JsonV2));
    }

    [Fact]
    public void NotAListIsRejected() =>
        Assert.Equal("Expected a JSON_V2 encoded list\n", SpanFormatCheck.Problem(Bytes("""{"traceId":"1"}"""), SpanEncoding.JsonV2));

    [Theory]
    [InlineData(V1, SpanEncoding.JsonV1)]
    [InlineData(V2, SpanEncoding.JsonV2)]
    [InlineData("""[{"traceId":"1","id":"2","tags":{}}]""", SpanEncoding.JsonV2)]
    public void DetectsJsonVersions(string json, SpanEncoding expected) => Assert.Equal(expected, SpanBytesDecoder.DetectEncoding(Bytes(json)));

    [Fact]
    public void DetectsBinaryFormats()
    {
        Assert.Equal(SpanEncoding.Proto3, SpanBytesDecoder.DetectEncoding([0x0A, 0x05]));
        Assert.Equal(SpanEncoding.ThriftV1, SpanBytesDecoder.DetectEncoding([12, 0, 0, 0, 1]));
        Assert.Equal("Could not detect the span format", Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DetectEncoding("hello"u8)).Message);
    }

    static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}

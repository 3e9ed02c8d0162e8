namespace Tracery.Tracing.Tests.Codec;

using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

public sealed class Proto3Tests
{
    [Fact]
    public void RoundTripsEveryField()
    {
        var bytes = SpanBytesEncoder.EncodeList(TestSpans.All, SpanEncoding.Proto3);
        Assert.Equal(TestSpans.All, SpanBytesDecoder.DecodeList(bytes, SpanEncoding.Proto3));
        Assert.Equal(SpanEncoding.Proto3, SpanBytesDecoder.DetectEncoding(bytes));
    }

    [Fact]
    public void RoundTripsOneSpan() =>
        Assert.Equal(TestSpans.Client, SpanBytesDecoder.DecodeOne(SpanBytesEncoder.EncodeOne(TestSpans.Client, SpanEncoding.Proto3), SpanEncoding.Proto3));

    [Fact]
    public void WritesZipkinsFieldNumbers()
    {
        var span = new SpanBuilder().TraceId("a").Id("b").Build();
        byte[] expected = [0x0A, 20, 0x0A, 8, 0, 0, 0, 0, 0, 0, 0, 0x0A, 0x1A, 8, 0, 0, 0, 0, 0, 0, 0, 0x0B];
        Assert.Equal(expected, SpanBytesEncoder.EncodeList([span], SpanEncoding.Proto3));
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void EveryFixtureSurvivesProto3(string name)
    {
        var spans = SpanBytesDecoder.DecodeList(Fixtures.Read(name), SpanEncoding.JsonV2);
        var proto = SpanBytesEncoder.EncodeList(spans, SpanEncoding.Proto3);
        Assert.Equal(spans, SpanBytesDecoder.DecodeList(proto, SpanEncoding.Proto3));
    }

    public static TheoryData<string> FixtureNames() => Fixtures.Names();

    [Fact]
    public void EmptyMessageIsAnEmptyList() => Assert.Empty(SpanBytesDecoder.DecodeList([], SpanEncoding.Proto3));

    [Fact]
    public void TruncatedListNamesTheLengths()
    {
        var encoded = SpanBytesEncoder.EncodeList(TestSpans.All, SpanEncoding.Proto3);
        var length = encoded[1] | ((encoded[2] & 0x7f) << 7);
        var error = Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeList(encoded.AsSpan(0, 10), SpanEncoding.Proto3));
        Assert.Equal($"Truncated: length {length} > bytes available 7 reading List<Span> from proto3", error.Message);
    }

    [Fact]
    public void GarbageIsRejected()
    {
        var error = Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeList("hello"u8, SpanEncoding.Proto3));
        Assert.Equal("Malformed: wire type 0 at the top level reading List<Span> from proto3", error.Message);
    }

    [Fact]
    public void BadIdsAreRejected()
    {
        byte[] zeroId = [0x0A, 20, 0x0A, 8, 0, 0, 0, 0, 0, 0, 0, 0x0A, 0x1A, 8, 0, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal("id is all zeros reading List<Span> from proto3",
            Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeList(zeroId, SpanEncoding.Proto3)).Message);
        byte[] shortTrace = [0x0A, 6, 0x0A, 1, 1, 0x1A, 1, 1];
        Assert.Equal("Malformed: traceId of 1 bytes, expected 8 or 16 reading List<Span> from proto3",
            Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeList(shortTrace, SpanEncoding.Proto3)).Message);
    }

    [Fact]
    public void MappedIpv6BecomesIpv4()
    {
        var wire = new Tracery.Tracing.Codec.Proto3.Wire.Span
        {
            TraceId = Google.Protobuf.ByteString.CopyFrom(0, 0, 0, 0, 0, 0, 0, 1),
            Id = Google.Protobuf.ByteString.CopyFrom(0, 0, 0, 0, 0, 0, 0, 2),
            LocalEndpoint = new() { Ipv6 = Google.Protobuf.ByteString.CopyFrom(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1), Port = -5 },
        };
        var span = SpanBytesDecoder.DecodeOne(Google.Protobuf.MessageExtensions.ToByteArray(wire), SpanEncoding.Proto3);
        Assert.Equal(new Endpoint(null, "10.0.0.1", null, 0), span.LocalEndpoint);
    }
}

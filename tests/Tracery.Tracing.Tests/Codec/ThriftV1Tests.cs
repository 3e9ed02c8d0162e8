namespace Tracery.Tracing.Tests.Codec;

using global::Thrift;
using global::Thrift.Protocol;
using global::Thrift.Protocol.Entities;
using global::Thrift.Transport.Client;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

public sealed class ThriftV1Tests
{
    [Fact]
    public void RoundTripsClientAndLocalSpans()
    {
        Span[] spans = [TestSpans.Client, TestSpans.Local];
        var bytes = SpanBytesEncoder.EncodeList(spans, SpanEncoding.ThriftV1);
        Assert.Equal(12, bytes[0]);
        Assert.Equal(SpanEncoding.ThriftV1, SpanBytesDecoder.DetectEncoding(bytes));
        Assert.Equal(spans, SpanBytesDecoder.DecodeList(bytes, SpanEncoding.ThriftV1));
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void EveryFixtureSurvivesV1Thrift(string name)
    {
        var spans = SpanBytesDecoder.DecodeList(Fixtures.Read(name), SpanEncoding.JsonV2);
        var thrift = SpanBytesEncoder.EncodeList(spans, SpanEncoding.ThriftV1);
        Assert.Equal(spans, SpanBytesDecoder.DecodeList(thrift, SpanEncoding.ThriftV1));
    }

    public static TheoryData<string> FixtureNames() => Fixtures.Names();

    [Fact]
    public void RoundTripsOneSpanWithIpv6And128BitTraceId()
    {
        var span = new SpanBuilder().TraceId("463ac35c9f6413ad48485a3953bb6124").ParentId("1").Id("2").Name("get").Kind(SpanKind.Server)
            .LocalEndpoint(new Endpoint("backend", "10.0.0.2", "2001:db8::c001", 65535)).RemoteEndpoint(new Endpoint(null, "10.0.0.1", null, 40000))
            .Timestamp(10).Duration(5).AddAnnotation(12, "retry").PutTag("http.path", "/ünï").Build();
        var back = new List<Span>();
        SpanBytesDecoder.DecodeThriftSpan(SpanBytesEncoder.EncodeOne(span, SpanEncoding.ThriftV1), back);
        Assert.Equal([span], back);
    }

    [Fact]
    public void ReadsWhatAFinagleClientWrites()
    {
        var bytes = Write(async p =>
        {
            await p.WriteListBeginAsync(new TList(TType.Struct, 1), default);
            await p.WriteStructBeginAsync(new TStruct("Span"), default);
            await I64(p, 1, 0x463ac35c9f6413ad);
            await Str(p, 3, "GET /hello");
            await I64(p, 4, 0x72485a3953bb6124);
            await p.WriteFieldBeginAsync(new TField("annotations", TType.List, 6), default);
            await p.WriteListBeginAsync(new TList(TType.Struct, 3), default);
            await Annotation(p, 100, "cs");
            await Annotation(p, 0, "no time");
            await Annotation(p, 150, "cr");
            await p.WriteFieldBeginAsync(new TField("binary_annotations", TType.List, 8), default);
            await p.WriteListBeginAsync(new TList(TType.Struct, 3), default);
            await BinaryAnnotation(p, "sa", [1], 0);
            await BinaryAnnotation(p, "http.status", [0, 0, 0, 200], 3);
            await BinaryAnnotation(p, "namer.path", "/svc/hello"u8.ToArray(), 6);
            await p.WriteFieldBeginAsync(new TField("unknown", TType.Double, 99), default);
            await p.WriteDoubleAsync(1.5, default);
            await p.WriteFieldStopAsync(default);
        });
        var span = Assert.Single(SpanBytesDecoder.DecodeList(bytes, SpanEncoding.ThriftV1));
        var expected = new SpanBuilder().TraceId("463ac35c9f6413ad").Id("72485a3953bb6124").Name("get /hello").Kind(SpanKind.Client)
            .LocalEndpoint(new Endpoint("hello", "127.0.0.2", null, 4140)).RemoteEndpoint(new Endpoint("hello", "127.0.0.2", null, 4140))
            .Timestamp(100).Duration(50).PutTag("namer.path", "/svc/hello").Build();
        Assert.Equal(expected, span);
    }

    [Fact]
    public void GarbageCountIsRejectedWithoutAllocating()
    {
        var error = Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeList([12, 0x7f, 0xff, 0xff, 0xff], SpanEncoding.ThriftV1));
        Assert.Equal("Truncated: MaxMessageSize reached reading List<Span> from TBinary", error.Message);
    }

    [Fact]
    public void TruncatedListIsRejected()
    {
        var bytes = SpanBytesEncoder.EncodeList([TestSpans.Client], SpanEncoding.ThriftV1);
        var error = Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeList(bytes.AsSpan(0, bytes.Length / 2), SpanEncoding.ThriftV1));
        Assert.EndsWith(" reading List<Span> from TBinary", error.Message);
    }

    [Fact]
    public void HugeStringLengthIsRejected()
    {
        byte[] bytes = [12, 0, 0, 0, 1, 11, 0, 3, 0x7f, 0xff, 0xff, 0xff];
        var error = Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeList(bytes, SpanEncoding.ThriftV1));
        Assert.EndsWith(" reading List<Span> from TBinary", error.Message);
    }

    [Fact]
    public void ZeroIdsAreRejected()
    {
        var bytes = Write(async p =>
        {
            await p.WriteListBeginAsync(new TList(TType.Struct, 1), default);
            await I64(p, 1, 1);
            await p.WriteFieldStopAsync(default);
        });
        Assert.Equal("id == 0 reading List<Span> from TBinary",
            Assert.Throws<SpanDecodeException>(() => SpanBytesDecoder.DecodeList(bytes, SpanEncoding.ThriftV1)).Message);
    }

    static readonly Endpoint Host = new("hello", "127.0.0.2", null, 4140);

    static async Task Annotation(TProtocol p, long timestamp, string value)
    {
        await I64(p, 1, timestamp);
        await Str(p, 2, value);
        await HostField(p, 3);
        await p.WriteFieldStopAsync(default);
    }

    static async Task BinaryAnnotation(TProtocol p, string key, byte[] value, int type)
    {
        await Str(p, 1, key);
        await p.WriteFieldBeginAsync(new TField("value", TType.String, 2), default);
        await p.WriteBinaryAsync(value, default);
        await p.WriteFieldBeginAsync(new TField("annotation_type", TType.I32, 3), default);
        await p.WriteI32Async(type, default);
        await HostField(p, 4);
        await p.WriteFieldStopAsync(default);
    }

    static async Task HostField(TProtocol p, short id)
    {
        await p.WriteFieldBeginAsync(new TField("host", TType.Struct, id), default);
        await p.WriteFieldBeginAsync(new TField("ipv4", TType.I32, 1), default);
        await p.WriteI32Async((127 << 24) | 2, default);
        await p.WriteFieldBeginAsync(new TField("port", TType.I16, 2), default);
        await p.WriteI16Async((short)Host.Port, default);
        await Str(p, 3, "Hello");
        await p.WriteFieldStopAsync(default);
    }

    static async Task I64(TProtocol p, short id, long value)
    {
        await p.WriteFieldBeginAsync(new TField("", TType.I64, id), default);
        await p.WriteI64Async(value, default);
    }

    static async Task Str(TProtocol p, short id, string value)
    {
        await p.WriteFieldBeginAsync(new TField("", TType.String, id), default);
        await p.WriteStringAsync(value, default);
    }

    static byte[] Write(Func<TProtocol, Task> write)
    {
        using var transport = new TMemoryBufferTransport(new TConfiguration());
        using var protocol = new TBinaryProtocol(transport);
        write(protocol).GetAwaiter().GetResult();
        return transport.GetBuffer();
    }
}

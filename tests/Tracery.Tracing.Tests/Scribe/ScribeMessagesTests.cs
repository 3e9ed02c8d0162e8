namespace Tracery.Tracing.Tests.Scribe;

using global::Thrift;
using global::Thrift.Protocol;
using global::Thrift.Protocol.Entities;
using global::Thrift.Transport.Client;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;
using Tracery.Tracing.Scribe;
using Tracery.Tracing.Tests.Codec;

public sealed class ScribeMessagesTests
{
    [Fact]
    public void AMessageWrittenIntoABufferIsTheEntrysMessage()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        ScribeSpans.WriteMessage(TestSpans.Client, buffer);

        Assert.Equal(ScribeSpans.ToEntry(TestSpans.Client).Message, System.Text.Encoding.ASCII.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public async Task LogCallRoundTripsWithItsSpans()
    {
        ScribeLogEntry[] entries = [ScribeSpans.ToEntry(TestSpans.Client), new("other", "not a span"), ScribeSpans.ToEntry(TestSpans.Local)];
        var frame = await ReadOneFrame(ScribeMessages.EncodeLogCall(entries, sequenceId: 42));
        var call = ScribeMessages.DecodeLogCall(frame);
        Assert.Equal(42, call.SequenceId);
        Assert.Equal(entries, call.Entries);
        var spans = new List<Span>();
        foreach (var entry in call.Entries.Where(e => e.Category == ScribeSpans.DefaultCategory)) ScribeSpans.Decode(entry, spans);
        Assert.Equal([TestSpans.Client, TestSpans.Local], spans);
    }

    [Theory]
    [InlineData(ScribeResultCode.Ok)]
    [InlineData(ScribeResultCode.TryLater)]
    public async Task ReplyRoundTrips(ScribeResultCode code)
    {
        var frame = await ReadOneFrame(ScribeMessages.EncodeReply(7, code));
        Assert.Equal(code, ScribeMessages.DecodeReply(frame, out var sequenceId));
        Assert.Equal(7, sequenceId);
    }

    [Fact]
    public async Task ErrorReplyCarriesTheServersMessage()
    {
        var frame = await ReadOneFrame(ScribeMessages.EncodeError(3, "bad span"));
        var error = Assert.Throws<ScribeProtocolException>(() => ScribeMessages.DecodeReply(frame, out _));
        Assert.Equal("The Scribe server failed the call: bad span", error.Message);
    }

    [Fact]
    public async Task OldStyleBinaryProtocolIsAccepted()
    {
        using var transport = new TMemoryBufferTransport(new TConfiguration());
        using var protocol = new TBinaryProtocol(transport, strictRead: false, strictWrite: false);
        await Task.Run(async () =>
        {
            await protocol.WriteMessageBeginAsync(new TMessage("Log", TMessageType.Call, 9), default);
            await protocol.WriteFieldBeginAsync(new TField("messages", TType.List, 1), default);
            await protocol.WriteListBeginAsync(new TList(TType.Struct, 1), default);
            await protocol.WriteFieldBeginAsync(new TField("category", TType.String, 1), default);
            await protocol.WriteStringAsync("zipkin", default);
            await protocol.WriteFieldBeginAsync(new TField("message", TType.String, 2), default);
            await protocol.WriteStringAsync("abc=", default);
            await protocol.WriteFieldStopAsync(default);
            await protocol.WriteFieldStopAsync(default);
        });
        var call = ScribeMessages.DecodeLogCall(transport.GetBuffer());
        Assert.Equal(new ScribeLogCall(9, [new("zipkin", "abc=")]).Entries, call.Entries);
        Assert.Equal(9, call.SequenceId);
    }

    [Fact]
    public void GarbagePayloadIsAClearError()
    {
        var error = Assert.Throws<ScribeProtocolException>(() => ScribeMessages.DecodeLogCall([0x80, 0x01, 0x00, 0x01, 0x7f, 0xff, 0xff, 0xff, 1, 2]));
        Assert.StartsWith("Malformed Scribe Log call: ", error.Message);
    }

    [Fact]
    public void OtherMethodsAreRejected()
    {
        var payload = ScribeMessages.EncodeLogCall([], 1)[4..];
        payload[9] = (byte)'g'; // version (4 bytes), name length (4 bytes), then "Log" becomes "Lgg"
        var error = Assert.Throws<ScribeProtocolException>(() => ScribeMessages.DecodeLogCall(payload));
        Assert.Equal("Unknown Scribe method 'Lgg'", error.Message);
    }

    [Fact]
    public void MimeLineBreaksInTheMessageAreTolerated()
    {
        var base64 = ScribeSpans.ToEntry(TestSpans.Client).Message;
        var wrapped = string.Join("\r\n", base64.Chunk(76).Select(c => new string(c)));
        var spans = new List<Span>();
        ScribeSpans.Decode(new ScribeLogEntry("zipkin", wrapped), spans);
        Assert.Equal([TestSpans.Client], spans);
    }

    [Fact]
    public void NonBase64MessageIsAClearError()
    {
        var error = Assert.Throws<SpanDecodeException>(() => ScribeSpans.Decode(new ScribeLogEntry("zipkin", "*not base64*"), []));
        Assert.Equal("Malformed: the Scribe message is not base64", error.Message);
    }

    static async Task<byte[]> ReadOneFrame(byte[] framed)
    {
        using var stream = new MemoryStream(framed);
        var frame = await ScribeFraming.ReadFrameAsync(stream);
        Assert.Null(await ScribeFraming.ReadFrameAsync(stream));
        return frame!;
    }
}

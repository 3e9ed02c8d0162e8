namespace Tracery.Server.Tests.Scribe;

using System.Net;
using System.Net.Sockets;
using System.Text;
using Tracery.Server.Tests.Hosting;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;
using Tracery.Tracing.Scribe;

/// <summary>Scribe over a real socket, written the way Linkerd 1's zipkin telemeter writes it.</summary>
public sealed class ScribeListenerTests
{
    private static IReadOnlyList<Span> SpansOf(string traceId) =>
        SpanBytesDecoder.DecodeList(Encoding.UTF8.GetBytes(SampleSpans.Trace(traceId, SampleSpans.NowMicros)), SpanEncoding.JsonV2);

    [Fact]
    public async Task LogCallsAreStoredAndAnsweredOkInOrder()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        using var scribe = new TcpClient();
        await scribe.ConnectAsync(IPAddress.Loopback, server.ScribePort!.Value);
        var stream = scribe.GetStream();
        var first = SpansOf("0000000000005c01");
        var second = SpansOf("0000000000005c02");

        await stream.WriteAsync(ScribeMessages.EncodeLogCall(first.Select(s => ScribeSpans.ToEntry(s)), sequenceId: 1));
        await stream.WriteAsync(ScribeMessages.EncodeLogCall(
            second.Select(s => ScribeSpans.ToEntry(s)).Append(new ScribeLogEntry("other", "not a span")), sequenceId: 2));

        Assert.Equal((ScribeResultCode.Ok, 1), await ReadReplyAsync(stream));
        Assert.Equal((ScribeResultCode.Ok, 2), await ReadReplyAsync(stream));
        await SampleSpans.StoredAsync(client, "0000000000005c02");
        var stored = SpanBytesDecoder.DecodeList(await client.GetByteArrayAsync("/api/v2/trace/0000000000005c01"), SpanEncoding.JsonV2);
        Assert.Equal(first.ToHashSet(), stored.ToHashSet());
        Assert.Equal(2, server.Metrics.Scribe.Messages);
        Assert.Equal(0, server.Metrics.Http.Messages);
    }

    [Fact]
    public async Task GarbageFrameClosesTheConnectionAndStoresNothing()
    {
        await using var server = await TestServers.StartAsync();
        using var scribe = new TcpClient();
        await scribe.ConnectAsync(IPAddress.Loopback, server.ScribePort!.Value);
        var stream = scribe.GetStream();

        await stream.WriteAsync(ScribeFraming.Frame("this is not thrift"u8));

        await AssertErrorThenClosedAsync(stream);
        Assert.Equal(1, server.Metrics.Scribe.MessagesDropped);
        Assert.Equal(0, server.Metrics.Scribe.Spans);
    }

    [Fact]
    public async Task EntryThatIsNotASpanRejectsTheWholeCall()
    {
        await using var server = await TestServers.StartAsync();
        using var client = server.Client();
        using var scribe = new TcpClient();
        await scribe.ConnectAsync(IPAddress.Loopback, server.ScribePort!.Value);
        var stream = scribe.GetStream();
        var entries = SpansOf("0000000000005c03").Select(s => ScribeSpans.ToEntry(s)).Append(new ScribeLogEntry("zipkin", "bm90IGEgc3Bhbg=="));

        await stream.WriteAsync(ScribeMessages.EncodeLogCall(entries, sequenceId: 7));

        await AssertErrorThenClosedAsync(stream);
        await SampleSpans.DrainAsync(client);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v2/trace/0000000000005c03")).StatusCode);
        Assert.Equal(1, server.Metrics.Scribe.MessagesDropped);
    }

    [Fact]
    public async Task ScribeCanBeTurnedOff()
    {
        await using var server = await TestServers.StartAsync(o => o with { ScribeEnabled = false });
        Assert.Null(server.ScribePort);
    }

    private static async Task<(ScribeResultCode, int)> ReadReplyAsync(Stream stream)
    {
        var payload = await ScribeFraming.ReadFrameAsync(stream) ?? throw new EndOfStreamException("no reply");
        var code = ScribeMessages.DecodeReply(payload, out var sequenceId);
        return (code, sequenceId);
    }

    private static async Task AssertErrorThenClosedAsync(Stream stream)
    {
        var payload = await ScribeFraming.ReadFrameAsync(stream) ?? throw new EndOfStreamException("no reply");
        Assert.Throws<ScribeProtocolException>(() => ScribeMessages.DecodeReply(payload, out _));
        Assert.Null(await ScribeFraming.ReadFrameAsync(stream));
    }
}

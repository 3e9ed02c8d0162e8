namespace Tracery.Tracing.Tests.Scribe;

using System.Net;
using System.Net.Sockets;
using System.Text;
using Tracery.Tracing.Scribe;
using Tracery.Tracing.Tests.Codec;

public sealed class ScribeFramingTests
{
    [Fact]
    public async Task AnHttpRequestIsRefusedAsAnImpossibleFrame()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        var error = await Assert.ThrowsAsync<ScribeProtocolException>(() => ScribeFraming.ReadFrameAsync(stream).AsTask());
        Assert.Equal("Frame length 1195725856 is outside 0..16384000 bytes: not a Thrift framed message (is the peer speaking Scribe?)", error.Message);
    }

    [Fact]
    public async Task NegativeLengthIsRefused()
    {
        using var stream = new MemoryStream([0xff, 0xff, 0xff, 0xfe]);
        await Assert.ThrowsAsync<ScribeProtocolException>(() => ScribeFraming.ReadFrameAsync(stream).AsTask());
    }

    [Fact]
    public async Task StreamEndingInsideAFrameIsAnError()
    {
        using var stream = new MemoryStream([0, 0, 0, 100, 1, 2, 3]);
        var error = await Assert.ThrowsAsync<ScribeProtocolException>(() => ScribeFraming.ReadFrameAsync(stream).AsTask());
        Assert.Equal("The stream ended inside a frame: 3 of 100 bytes", error.Message);
        using var header = new MemoryStream([0, 0]);
        error = await Assert.ThrowsAsync<ScribeProtocolException>(() => ScribeFraming.ReadFrameAsync(header).AsTask());
        Assert.Equal("The stream ended inside a frame header: 2 of 4 bytes", error.Message);
    }

    [Fact]
    public async Task FramesAreReadInOrder()
    {
        using var stream = new MemoryStream([.. ScribeFraming.Frame([1, 2]), .. ScribeFraming.Frame([]), .. ScribeFraming.Frame([3])]);
        Assert.Equal(new byte[] { 1, 2 }, await ScribeFraming.ReadFrameAsync(stream));
        Assert.Equal(new byte[0], await ScribeFraming.ReadFrameAsync(stream));
        Assert.Equal(new byte[] { 3 }, await ScribeFraming.ReadFrameAsync(stream));
        Assert.Null(await ScribeFraming.ReadFrameAsync(stream));
    }

    [Fact]
    public async Task ACallAndItsReplyCrossARealSocket()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var server = Task.Run(async () =>
        {
            using var accepted = await listener.AcceptTcpClientAsync(timeout.Token);
            var stream = accepted.GetStream();
            var call = ScribeMessages.DecodeLogCall((await ScribeFraming.ReadFrameAsync(stream, cancellationToken: timeout.Token))!);
            await stream.WriteAsync(ScribeMessages.EncodeReply(call.SequenceId, ScribeResultCode.Ok), timeout.Token);
            return call;
        });
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, timeout.Token);
        var clientStream = client.GetStream();
        await clientStream.WriteAsync(ScribeMessages.EncodeLogCall([ScribeSpans.ToEntry(TestSpans.Client)], 5), timeout.Token);
        var reply = await ScribeFraming.ReadFrameAsync(clientStream, cancellationToken: timeout.Token);
        Assert.Equal(ScribeResultCode.Ok, ScribeMessages.DecodeReply(reply!, out var sequenceId));
        Assert.Equal(5, sequenceId);
        Assert.Single((await server).Entries);
    }
}

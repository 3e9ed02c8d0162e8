namespace Tracery.Mesh.Telemetry;

using System.Buffers;
using System.Net.Sockets;
using System.Text;
using Tracery.Tracing.Model;
using Tracery.Tracing.Scribe;

/// <summary>
/// Sends batches as Scribe <c>Log</c> calls over Thrift's framed transport (Linkerd 1's <c>io.l5d.zipkin</c>): one
/// base64 Thrift v1 span per entry, category <c>zipkin</c>, on one kept-open TCP connection. A broken connection is
/// dropped and the next send reconnects; a send on a connection that turns out to be stale is tried once more on a
/// fresh one, because an idle socket closed by the collector is only noticed when written to.
/// </summary>
public sealed class ScribeTransport(ZipkinScribeOptions options) : ISpanTransport
{
    private TcpClient? connection;
    private int sequenceId;

    public string Kind => "io.l5d.zipkin";

    /// <summary>The entry's message: the span as base64 Thrift v1, which is ASCII.</summary>
    public void Encode(Span span, IBufferWriter<byte> output) => ScribeSpans.WriteMessage(span, output);

    public async Task SendAsync(IReadOnlyList<ReadOnlyMemory<byte>> encodedSpans, CancellationToken cancellationToken)
    {
        var entries = new ScribeLogEntry[encodedSpans.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new ScribeLogEntry(ScribeSpans.DefaultCategory, Encoding.ASCII.GetString(encodedSpans[i].Span));
        }

        var call = ScribeMessages.EncodeLogCall(entries, ++sequenceId);
        var reused = connection is not null;
        try
        {
            await CallAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (reused && e is IOException or SocketException or ScribeProtocolException && !cancellationToken.IsCancellationRequested)
        {
            Disconnect();
            await CallAsync(call, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        Disconnect();
        return ValueTask.CompletedTask;
    }

    private async Task CallAsync(byte[] call, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(call, cancellationToken).ConfigureAwait(false);
            var reply = await ScribeFraming.ReadFrameAsync(stream, 1 << 20, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException($"{options.Host}:{options.Port} closed the Scribe connection without replying");
            var result = ScribeMessages.DecodeReply(reply, out _);
            if (result != ScribeResultCode.Ok)
            {
                // TRY_LATER: the collector is overloaded; the reporter counts the batch as failed and pauses.
                throw new CollectorRefusedException($"{options.Host}:{options.Port} answered {result}");
            }
        }
        catch
        {
            // After a failure mid-call the stream position is unknown, so the connection cannot be reused.
            Disconnect();
            throw;
        }
    }

    private async ValueTask<NetworkStream> ConnectAsync(CancellationToken cancellationToken)
    {
        if (connection is { Connected: true })
        {
            return connection.GetStream();
        }

        Disconnect();
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        connection = client;
        return client.GetStream();
    }

    private void Disconnect()
    {
        connection?.Dispose();
        connection = null;
    }
}

namespace Tracery.Server.Scribe;

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

/// <summary>
/// Accepts Scribe clients (Linkerd 1's zipkin telemeter) on a TCP port: Thrift framed transport, a
/// 4-byte big-endian length before each message. Calls on one connection are answered in order. A
/// frame that is not a valid Log call closes its connection: after garbage the stream position can
/// no longer be trusted.
/// </summary>
public sealed partial class ScribeListener : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly ScribeLogHandler handler;
    private readonly int maxFrame;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;

    private ScribeListener(TcpListener listener, ScribeLogHandler handler, int maxFrame, ILogger logger)
    {
        this.listener = listener;
        this.handler = handler;
        this.maxFrame = maxFrame;
        this.logger = logger;
        accepting = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public static ScribeListener Start(IPEndPoint endpoint, ScribeLogHandler handler, int maxFrame, ILogger logger)
    {
        var listener = new TcpListener(endpoint);
        listener.Start();
        return new ScribeListener(listener, handler, maxFrame, logger);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting.ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var connections = new List<Task>();
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                break;
            }
            connections.RemoveAll(c => c.IsCompleted);
            connections.Add(Task.Run(() => ServeAsync(client)));
        }
        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var connection = client;
        var stream = client.GetStream();
        var header = new byte[4];
        try
        {
            while (await ReadExactlyOrEndAsync(stream, header).ConfigureAwait(false))
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(header);
                if (length <= 0 || length > maxFrame)
                {
                    throw new InvalidDataException($"Scribe frame length {length} is not between 1 and {maxFrame}");
                }
                var frame = new byte[length];
                await stream.ReadExactlyAsync(frame, stopping.Token).ConfigureAwait(false);
                var reply = await handler.HandleAsync(frame, stopping.Token).ConfigureAwait(false);
                BinaryPrimitives.WriteInt32BigEndian(header, reply.Length);
                await stream.WriteAsync(header, stopping.Token).ConfigureAwait(false);
                await stream.WriteAsync(reply, stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            LogConnectionLost(logger, client.Client.RemoteEndPoint, e.Message);
        }
        catch (Exception e)
        {
            LogBadFrame(logger, client.Client.RemoteEndPoint, e.Message);
        }
    }

    /// <summary>Fills the buffer; false when the client closed the connection between frames.</summary>
    private async Task<bool> ReadExactlyOrEndAsync(NetworkStream stream, byte[] buffer)
    {
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, stopping.Token).ConfigureAwait(false);
        return read == buffer.Length
            ? true
            : read == 0 ? false : throw new EndOfStreamException("Scribe connection closed inside a frame header");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing Scribe connection from {Remote}: {Reason}")]
    private static partial void LogBadFrame(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scribe connection from {Remote} lost: {Reason}")]
    private static partial void LogConnectionLost(ILogger logger, EndPoint? remote, string reason);
}

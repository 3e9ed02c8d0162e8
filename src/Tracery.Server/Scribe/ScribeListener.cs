namespace Tracery.Server.Scribe;

using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Scribe;

/// <summary>
/// Accepts Scribe clients (Linkerd 1's zipkin telemeter) on a TCP port, Thrift framed transport.
/// Calls on one connection are answered in order. A frame that is not a valid Log call, or whose
/// spans do not decode, gets a Thrift exception reply (best effort) and closes its connection: the
/// client learns of the failure instead of waiting, and nothing of that call is stored.
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
        var remote = client.Client.RemoteEndPoint;
        var stream = client.GetStream();
        try
        {
            while (await ScribeFraming.ReadFrameAsync(stream, maxFrame, stopping.Token).ConfigureAwait(false) is { } payload)
            {
                byte[] reply;
                try
                {
                    reply = await handler.HandleAsync(payload, stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is SpanDecodeException or ScribeProtocolException)
                {
                    LogBadCall(logger, remote, e.Message);
                    await stream.WriteAsync(ScribeMessages.EncodeError(0, e.Message), stopping.Token).ConfigureAwait(false);
                    return;
                }
                await stream.WriteAsync(reply, stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (ScribeProtocolException e)
        {
            LogBadCall(logger, remote, e.Message);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            LogConnectionLost(logger, remote, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing Scribe connection from {Remote}: {Reason}")]
    private static partial void LogBadCall(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scribe connection from {Remote} lost: {Reason}")]
    private static partial void LogConnectionLost(ILogger logger, EndPoint? remote, string reason);
}

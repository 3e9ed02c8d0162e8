namespace Tracery.Server.Tests.Collector;

using System.Net;
using System.Net.Sockets;

/// <summary>
/// A TCP relay on a loopback port to a real server (PostgreSQL here), which a test can close, so the server
/// behind it is unreachable (connections refused, open ones cut), and open again on the same port.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly List<TcpClient> connections = [];
    private TcpListener? listener;
    private Task accepting = Task.CompletedTask;

    public TcpRelay(IPEndPoint target)
    {
        this.target = target;
        Open(0);
    }

    public int Port { get; private set; }

    /// <summary>Listens again on the port it had.</summary>
    public void Open() => Open(Port);

    /// <summary>Stops listening and cuts every relayed connection: the target looks down.</summary>
    public async Task CloseAsync()
    {
        listener?.Stop();
        listener = null;
        await accepting;
        lock (connections)
        {
            connections.ForEach(c => c.Dispose());
            connections.Clear();
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    private void Open(int port)
    {
        var next = new TcpListener(IPAddress.Loopback, port);
        // The port was ours a moment ago; its old connections may linger in TIME_WAIT.
        next.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        next.Start();
        Port = ((IPEndPoint)next.LocalEndpoint).Port;
        listener = next;
        accepting = AcceptAsync(next);
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await from.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        lock (connections)
        {
            connections.Add(client);
            connections.Add(upstream);
        }
        try
        {
            await upstream.ConnectAsync(target);
            await Task.WhenAny(client.GetStream().CopyToAsync(upstream.GetStream()), upstream.GetStream().CopyToAsync(client.GetStream()));
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Cut by CloseAsync, or by either side: both ends are closed below.
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }
}

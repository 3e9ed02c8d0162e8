namespace Tracery.Mesh.Tests.Support;

using System.Net;
using System.Net.Sockets;
using System.Text;

/// <summary>Sends hand-written request bytes, for requests HttpClient refuses to make (no Host, HTTP/1.0).</summary>
public static class RawHttp
{
    public static async Task<string> SendAsync(IPEndPoint endpoint, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>A loopback port nobody listens on: bound by the OS, then released.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

namespace Tracery.Cli.Demo;

using System.Net.Sockets;

/// <summary>
/// Finds a demo port that something else already holds, before anything starts, so the demo can say
/// which part cannot listen where instead of failing half-started.
/// </summary>
internal static class PortCheck
{
    /// <summary>The first listener whose address cannot be bound, with the reason; null when all are free.</summary>
    public static (DemoListener Listener, string Reason)? FirstUnavailable(IEnumerable<DemoListener> listeners)
    {
        foreach (var listener in listeners)
        {
            using var socket = new Socket(listener.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(listener.EndPoint);
                socket.Listen();
            }
            catch (SocketException e)
            {
                var reason = e.SocketErrorCode == SocketError.AddressAlreadyInUse ? "address already in use" : e.Message;
                return (listener, reason);
            }
        }
        return null;
    }
}

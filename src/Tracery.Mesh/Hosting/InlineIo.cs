namespace Tracery.Mesh.Hosting;

using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

/// <summary>
/// Runs a proxied request on the socket thread that received it, as an event-loop proxy (nginx, linkerd2-proxy)
/// does. By default .NET hands every socket completion to the thread pool, and Kestrel hands every request to it
/// again: for a proxy that does little work per request, those hand-offs were half of its context switches and a
/// large share of its CPU (docs/benchmarks.md, "Inline I/O and spans queued as bytes"). Safe here because nothing that runs on a socket's
/// completion blocks: routing, balancing, tracing and forwarding are asynchronous, and a namer's watch handles one
/// short event per read (the fs namer has its own watcher thread). A long piece of work there would hold up
/// the other connections of that socket thread, so it must not be added without moving it off.
/// </summary>
public static class InlineIo
{
    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Kestrel's side: continue requests on the transport's thread, and read without a zero-byte wait.</summary>
    public static void Configure(SocketTransportOptions options)
    {
        options.UnsafePreferInlineScheduling = true;
        // A zero-byte read first saves a buffer per idle connection but costs two more receive calls per request;
        // a mesh's inbound connections are few and busy (pooled by the apps and by the other mesh nodes).
        options.WaitForDataBeforeAllocatingBuffer = false;
    }

    /// <summary>
    /// The runtime's side: complete socket operations on the epoll threads (for the upstream connections too). The
    /// runtime reads this variable once, when the first socket is made, so a mesh process calls this first thing;
    /// a value already set (for example <c>0</c>, to turn it off) is left alone.
    /// </summary>
    public static void PreferInlineCompletions()
    {
        if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }
    }
}

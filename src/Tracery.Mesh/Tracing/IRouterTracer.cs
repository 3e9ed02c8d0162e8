namespace Tracery.Mesh.Tracing;

using System.Net;
using Microsoft.AspNetCore.Http;

/// <summary>
/// Traces one router the way Linkerd 1 does (reference §3.4): a SERVER span per request received and a CLIENT
/// span per forwarding attempt, with the trace context read from and written to HTTP headers (§3.5).
/// Called on every request, so unsampled requests allocate no span state.
/// </summary>
public interface IRouterTracer
{
    /// <summary>
    /// Reads the incoming trace context (and removes its headers from <paramref name="context"/>'s request, as
    /// Linkerd does), decides sampling and starts the SERVER span (<c>sr</c>).
    /// </summary>
    /// <param name="routerLabel">The router's label, e.g. <c>outgoing</c>; the span's name begins with it.</param>
    /// <param name="serverAddress">The address the router's server listens on; its service name is <c>ip/port</c>.</param>
    ServerSpanScope StartServer(HttpContext context, string routerLabel, IPEndPoint serverAddress);

    /// <summary>
    /// Starts a CLIENT span for one forwarding attempt (<c>cs</c>): a new span id, child of the server span, written
    /// onto <paramref name="outgoing"/> as propagation headers (overwriting any copied from the incoming request).
    /// </summary>
    /// <param name="clientLabel">The client label: the bound id, with or without its leading <c>/</c> (Linkerd drops it), the span's service name.</param>
    /// <param name="logicalService">The logical destination, e.g. <c>hello</c>: the span's remote service name.</param>
    /// <param name="upstream">The endpoint the balancer picked, when known (the span's remote address).</param>
    ClientSpanScope StartClient(
        in ServerSpanScope server, string clientLabel, string logicalService, HttpRequestMessage outgoing, IPEndPoint? upstream = null);
}

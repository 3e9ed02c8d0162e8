namespace Tracery.Mesh.Tracing;

using Microsoft.AspNetCore.Http;
using Tracery.Tracing.Context;

/// <summary>Reads a trace context from incoming requests and writes one onto outgoing requests (a router's <c>tracePropagator</c>).</summary>
public interface ITracePropagator
{
    /// <summary>
    /// Reads the context and removes the headers read from <paramref name="request"/>, so that they are not forwarded
    /// stale. <paramref name="sampleRate"/> is a per-request sample-rate override (<c>l5d-sample</c>), when present.
    /// The result's <see cref="TraceContext.HasIds"/> is false when there is no usable context.
    /// </summary>
    TraceContext Read(HttpRequest request, out double? sampleRate);

    /// <summary>Writes <paramref name="context"/> onto an outgoing request, replacing any such headers.</summary>
    void Write(HttpRequestMessage outgoing, in TraceContext context);
}

namespace Tracery.Mesh.Tracing;

using Microsoft.AspNetCore.Http;
using Tracery.Tracing.Context;

/// <summary>
/// Linkerd's default propagator (<c>LinkerdTracePropagator.scala</c>): reads and removes <c>l5d-ctx-trace</c> and
/// <c>l5d-sample</c>; writes <c>l5d-ctx-trace</c> and <c>l5d-reqid</c>. An undecodable header is ignored (new root).
/// </summary>
public sealed class LinkerdTracePropagator : ITracePropagator
{
    public static readonly LinkerdTracePropagator Instance = new();

    public TraceContext Read(HttpRequest request, out double? sampleRate)
    {
        var headers = request.Headers;
        sampleRate = null;
        if (headers.Remove(L5dSample.HeaderName, out var sample) && L5dSample.TryParse(sample.ToString(), out var rate))
        {
            sampleRate = rate;
        }

        return headers.Remove(L5dCtxTrace.HeaderName, out var trace)
            && L5dCtxTrace.TryDecode(trace.ToString(), out var context) && context.HasIds
            ? context
            : default;
    }

    public void Write(HttpRequestMessage outgoing, in TraceContext context)
    {
        outgoing.Headers.Set(L5dCtxTrace.HeaderName, L5dCtxTrace.Encode(context));
        outgoing.Headers.Set(L5dReqId.HeaderName, L5dReqId.Format(context));
    }
}

namespace Tracery.Mesh.Tracing;

using Microsoft.AspNetCore.Http;
using Tracery.Tracing.Context;

/// <summary>
/// B3 propagation (<c>tracePropagator: io.l5d.zipkin</c>, Linkerd's <c>ZipkinTracePropagator.scala</c>) plus the
/// single <c>b3</c> header Linkerd never read. A valid <c>b3</c> header wins over the multi-headers (B3's own rule);
/// <c>l5d-ctx-trace</c> and <c>l5d-sample</c> are removed unread. Writes both forms, so either kind of reader
/// downstream finds the context.
/// </summary>
public sealed class ZipkinTracePropagator : ITracePropagator
{
    public static readonly ZipkinTracePropagator Instance = new();

    public TraceContext Read(HttpRequest request, out double? sampleRate)
    {
        var headers = request.Headers;
        headers.Remove(L5dCtxTrace.HeaderName);
        headers.Remove(L5dSample.HeaderName);
        headers.Remove(B3SingleHeader.HeaderName, out var single);
        headers.Remove(B3MultiHeaders.TraceId, out var traceId);
        headers.Remove(B3MultiHeaders.SpanId, out var spanId);
        headers.Remove(B3MultiHeaders.ParentSpanId, out var parentId);
        headers.Remove(B3MultiHeaders.Sampled, out var sampled);
        headers.Remove(B3MultiHeaders.Flags, out var flags);
        sampleRate = null;
        if (single.Count > 0 && B3SingleHeader.TryParse(single.ToString(), out var fromSingle))
        {
            return fromSingle;
        }

        return B3MultiHeaders.TryParse(
            First(traceId), First(spanId), First(parentId), First(sampled), First(flags), out var fromMulti)
            ? fromMulti
            : default;
    }

    public void Write(HttpRequestMessage outgoing, in TraceContext context)
    {
        var headers = outgoing.Headers;
        headers.Set(B3MultiHeaders.TraceId, context.TraceIdHex);
        headers.Set(B3MultiHeaders.SpanId, context.SpanIdHex);
        headers.Set(B3MultiHeaders.ParentSpanId, HexId.Format(context.ParentId == 0 ? context.SpanId : context.ParentId));
        headers.Set(B3MultiHeaders.Sampled, B3MultiHeaders.FormatSampled(context));
        headers.Set(B3MultiHeaders.Flags, B3MultiHeaders.FormatFlags(context));
        headers.Set(B3SingleHeader.HeaderName, B3SingleHeader.Format(context));
    }

    private static string? First(Microsoft.Extensions.Primitives.StringValues values) => values.Count > 0 ? values[0] : null;
}

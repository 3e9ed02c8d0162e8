namespace Tracery.Tracing.Codec.V1;

using Tracery.Tracing.Model;

/// <summary>
/// Which v1 core annotations and address key a v2 span maps to, and at what times (Zipkin's
/// <c>V1SpanMetadata</c>). Existing two-letter annotations may widen the times or imply the kind.
/// </summary>
internal readonly record struct CoreAnnotations(long StartTs, long EndTs, string? Begin, string? End, string? Address)
{
    public static CoreAnnotations Of(Span span)
    {
        var startTs = span.Timestamp;
        var endTs = startTs != 0 && span.Duration != 0 ? startTs + span.Duration : 0;
        long msTs = 0, wsTs = 0, wrTs = 0, mrTs = 0;
        var kind = span.Kind;
        foreach (var a in span.Annotations)
        {
            if (a.Value.Length != 2) continue;
            switch (a.Value)
            {
                case "cs": kind = SpanKind.Client; if (a.Timestamp < startTs) startTs = a.Timestamp; break;
                case "sr": kind = SpanKind.Server; if (a.Timestamp < startTs) startTs = a.Timestamp; break;
                case "ss": kind = SpanKind.Server; if (a.Timestamp > endTs) endTs = a.Timestamp; break;
                case "cr": kind = SpanKind.Client; if (a.Timestamp > endTs) endTs = a.Timestamp; break;
                case "ms": kind = SpanKind.Producer; msTs = a.Timestamp; break;
                case "mr": kind = SpanKind.Consumer; mrTs = a.Timestamp; break;
                case "ws": wsTs = a.Timestamp; break;
                case "wr": wrTs = a.Timestamp; break;
            }
        }
        var hasRemote = span.RemoteEndpoint is not null;
        switch (kind)
        {
            case SpanKind.Client:
                return new(startTs, endTs, "cs", "cr", hasRemote ? "sa" : null);
            case SpanKind.Server:
                return new(startTs, endTs, "sr", "ss", hasRemote ? "ca" : null);
            case SpanKind.Producer:
                if (startTs == 0 || (msTs != 0 && msTs < startTs)) startTs = msTs;
                if (endTs == 0 || (wsTs != 0 && wsTs > endTs)) endTs = wsTs;
                return new(startTs, endTs, "ms", "ws", hasRemote ? "ma" : null);
            case SpanKind.Consumer:
                if (startTs == 0 || (wrTs != 0 && wrTs < startTs)) startTs = wrTs;
                if (endTs == 0 || (mrTs != 0 && mrTs > endTs)) endTs = mrTs;
                return endTs != 0 || wrTs != 0
                    ? new(startTs, endTs, "wr", "mr", hasRemote ? "ma" : null)
                    : new(startTs, endTs, "mr", null, hasRemote ? "ma" : null);
            default:
                return new(startTs, endTs, null, null, hasRemote ? "sa" : null);
        }
    }
}

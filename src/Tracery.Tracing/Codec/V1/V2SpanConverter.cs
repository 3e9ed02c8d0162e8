namespace Tracery.Tracing.Codec.V1;

using Tracery.Tracing.Model;

/// <summary>
/// Turns a v2 span into a v1 span for the legacy wire formats (Thrift over Scribe), as Zipkin's
/// <c>V2SpanConverter</c>: the kind becomes begin/end core annotations (cs/cr, sr/ss, ms/ws, wr/mr), the remote
/// endpoint an address annotation (sa, ca, ma), tags string binary annotations, all on the local endpoint. A local
/// span with nothing else gets an empty <c>lc</c> so its endpoint survives. Shared spans carry no timestamp.
/// </summary>
internal static class V2SpanConverter
{
    public static void Convert(Span span, V1Span result)
    {
        result.Clear();
        result.TraceIdHigh = span.TraceId.Length == 32 ? SpanIds.ParseHex(span.TraceId.AsSpan(0, 16)) : 0;
        result.TraceId = SpanIds.ParseHex(span.TraceId.AsSpan(span.TraceId.Length - 16));
        result.ParentId = span.ParentId is null ? 0 : SpanIds.ParseHex(span.ParentId);
        result.Id = SpanIds.ParseHex(span.Id);
        result.Name = span.Name;
        result.Debug = span.Debug;
        if (!span.Shared)
        {
            result.Timestamp = span.Timestamp;
            result.Duration = span.Duration;
        }

        var md = CoreAnnotations.Of(span);
        var local = span.LocalEndpoint;
        var begin = md.StartTs != 0 && md.Begin is not null;
        var end = md.EndTs != 0 && md.End is not null;
        var count = span.Annotations.Count;
        if (begin)
        {
            count++;
            result.AddAnnotation(md.StartTs, md.Begin!, local);
        }
        foreach (var a in span.Annotations)
        {
            if ((begin && a.Value == md.Begin) || (end && a.Value == md.End)) continue;
            result.AddAnnotation(a.Timestamp, a.Value, local);
        }
        if (end)
        {
            count++;
            result.AddAnnotation(md.EndTs, md.End!, local);
        }
        foreach (var (key, value) in span.Tags) result.AddTag(key, value, local);
        if (count == 0 && local is not null && span.Tags.Count == 0) result.AddTag("lc", "", local);
        if (md.Address is not null && span.RemoteEndpoint is not null) result.AddAddress(md.Address, span.RemoteEndpoint);
        result.Validate();
    }
}

namespace Tracery.Tracing.Tests.Codec.V1;

using Tracery.Tracing.Codec.V1;
using Tracery.Tracing.Model;

/// <summary>A terse way to write the v1 side of Zipkin's SpanConverterTest cases.</summary>
internal sealed class V1Draft
{
    readonly V1Span span = new();

    public static V1Draft Span(ulong traceId, ulong parentId, ulong id, string? name)
    {
        var draft = new V1Draft();
        (draft.span.TraceId, draft.span.ParentId, draft.span.Id) = (traceId, parentId, id);
        draft.span.SetName(name);
        return draft;
    }

    public V1Draft Times(long timestamp, long duration)
    {
        (span.Timestamp, span.Duration) = (timestamp, duration);
        return this;
    }

    public V1Draft Annotation(long timestamp, string value, Endpoint? endpoint)
    {
        span.AddAnnotation(timestamp, value, endpoint);
        return this;
    }

    public V1Draft Tag(string key, string value, Endpoint? endpoint)
    {
        span.AddTag(key, value, endpoint);
        return this;
    }

    public V1Draft Address(string key, Endpoint endpoint)
    {
        span.AddAddress(key, endpoint);
        return this;
    }

    public V1Span Build()
    {
        span.Validate();
        return span;
    }

    public List<Span> ToV2()
    {
        var spans = new List<Span>();
        new V1SpanConverter().Convert(Build(), spans);
        return spans;
    }
}

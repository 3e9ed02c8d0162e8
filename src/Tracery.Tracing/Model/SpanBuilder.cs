namespace Tracery.Tracing.Model;

/// <summary>
/// Builds a normalised <see cref="Span"/> with Zipkin's rules (reference §2.1), applied as each value is set:
/// ids validated and padded, names lower-cased, endpoints that say nothing dropped, non-positive times absent,
/// annotations sorted and de-duplicated, tags sorted, a parent id equal to the id dropped, and <c>shared</c>
/// removed from CLIENT spans. Reusable after <see cref="Clear"/>, so decoders keep one per thread.
/// Invalid values throw <see cref="ArgumentException"/> with Zipkin's message.
/// </summary>
public sealed class SpanBuilder
{
    readonly List<Annotation> annotations = [];
    readonly TagSorter tags = new();
    string? traceId, parentId, id, name;
    SpanKind kind;
    long timestamp, duration;
    Endpoint? localEndpoint, remoteEndpoint;
    bool debug, shared;

    public SpanBuilder TraceId(string value) { traceId = SpanIds.NormalizeTraceId(value); return this; }

    public SpanBuilder TraceId(ulong high, ulong low) => TraceId(SpanIds.ToHex(high, low));

    public SpanBuilder Id(string value) { id = SpanIds.NormalizeId(value); return this; }

    public SpanBuilder Id(ulong value) => Id(SpanIds.ToHex(value));

    public SpanBuilder ParentId(string? value) { parentId = SpanIds.NormalizeParentId(value); return this; }

    public SpanBuilder ParentId(ulong value) { parentId = value == 0 ? null : SpanIds.ToHex(value); return this; }

    public SpanBuilder Kind(SpanKind value) { kind = value; return this; }

    public SpanBuilder Name(string? value) { name = Endpoint.NormalizeName(value); return this; }

    public SpanBuilder Timestamp(long value) { timestamp = Math.Max(0, value); return this; }

    public SpanBuilder Duration(long value) { duration = Math.Max(0, value); return this; }

    public SpanBuilder LocalEndpoint(Endpoint? value) { localEndpoint = value?.Normalize(); return this; }

    public SpanBuilder RemoteEndpoint(Endpoint? value) { remoteEndpoint = value?.Normalize(); return this; }

    /// <summary>The kind set so far (the v1 converter decides per endpoint).</summary>
    internal SpanKind CurrentKind => kind;

    /// <summary>The local endpoint set so far (the v1 converter groups annotations by it).</summary>
    internal Endpoint? CurrentLocalEndpoint => localEndpoint;

    /// <summary>For decoders whose endpoints are already normalised (and cached): skips re-parsing the IPs.</summary>
    internal SpanBuilder NormalizedEndpoints(Endpoint? local, Endpoint? remote)
    {
        (localEndpoint, remoteEndpoint) = (local, remote);
        return this;
    }

    public SpanBuilder AddAnnotation(long annotationTimestamp, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        annotations.Add(new Annotation(annotationTimestamp, value));
        return this;
    }

    public SpanBuilder PutTag(string key, string value) { tags.Put(key, value); return this; }

    public SpanBuilder Debug(bool value) { debug = value; return this; }

    public SpanBuilder Shared(bool value) { shared = value; return this; }

    /// <summary>Copies every field of <paramref name="span"/>, normalising it on the way.</summary>
    public SpanBuilder From(Span span)
    {
        Clear();
        TraceId(span.TraceId).Id(span.Id).ParentId(span.ParentId).Kind(span.Kind).Name(span.Name)
            .Timestamp(span.Timestamp).Duration(span.Duration).LocalEndpoint(span.LocalEndpoint)
            .RemoteEndpoint(span.RemoteEndpoint).Debug(span.Debug).Shared(span.Shared);
        foreach (var annotation in span.Annotations) AddAnnotation(annotation.Timestamp, annotation.Value);
        foreach (var (key, value) in span.Tags) PutTag(key, value);
        return this;
    }

    public SpanBuilder Clear()
    {
        traceId = parentId = id = name = null;
        kind = SpanKind.Unspecified;
        timestamp = duration = 0;
        localEndpoint = remoteEndpoint = null;
        debug = shared = false;
        annotations.Clear();
        tags.Clear();
        return this;
    }

    /// <summary>The span; throws <see cref="ArgumentException"/> naming the missing ids, as Zipkin does.</summary>
    public Span Build()
    {
        if (traceId is null || id is null)
        {
            throw new ArgumentException("Missing :" + (traceId is null ? " traceId" : "") + (id is null ? " id" : ""));
        }
        return new Span
        {
            TraceId = traceId,
            ParentId = parentId == id ? null : parentId,
            Id = id,
            Kind = kind,
            Name = name,
            Timestamp = timestamp,
            Duration = duration,
            LocalEndpoint = localEndpoint,
            RemoteEndpoint = remoteEndpoint,
            Annotations = SortedAnnotations(),
            Tags = tags.Count == 0 ? TagMap.Empty : tags.ToMap(),
            Debug = debug,
            Shared = shared && kind != SpanKind.Client,
        };
    }

    Annotation[] SortedAnnotations()
    {
        if (annotations.Count == 0) return [];
        annotations.Sort();
        var unique = 1;
        for (var i = 1; i < annotations.Count; i++)
        {
            if (annotations[i] != annotations[unique - 1]) annotations[unique++] = annotations[i];
        }
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(annotations)[..unique].ToArray();
    }
}

namespace Tracery.Tracing.Codec.V1;

using Tracery.Tracing.Model;

/// <summary>
/// A v1 span between its wire form (JSON v1, Thrift) and v2: ids as numbers, events with their endpoints.
/// Mutable and reused by one reader; <see cref="Validate"/> applies Zipkin's <c>V1Span</c> checks and ordering.
/// </summary>
internal sealed class V1Span
{
    public ulong TraceIdHigh, TraceId, Id, ParentId;
    public string? Name;
    public long Timestamp, Duration;
    public bool Debug;
    public readonly List<V1Annotation> Annotations = [];
    public readonly List<V1BinaryAnnotation> BinaryAnnotations = [];

    public void Clear()
    {
        TraceIdHigh = TraceId = Id = ParentId = 0;
        Name = null;
        Timestamp = Duration = 0;
        Debug = false;
        Annotations.Clear();
        BinaryAnnotations.Clear();
    }

    /// <summary>Zipkin stores a name lower-cased, empty as absent.</summary>
    public void SetName(string? name) => Name = Endpoint.NormalizeName(name);

    public void AddAnnotation(long timestamp, string value, Endpoint? endpoint) => Annotations.Add(new(timestamp, value, endpoint));

    /// <summary>A tag; an empty endpoint counts as none.</summary>
    public void AddTag(string key, string value, Endpoint? endpoint) => BinaryAnnotations.Add(new(key, value, endpoint));

    /// <summary>An address annotation; one without an endpoint says nothing and is ignored.</summary>
    public void AddAddress(string key, Endpoint? endpoint)
    {
        if (endpoint is not null) BinaryAnnotations.Add(new(key, null, endpoint));
    }

    /// <summary>Checks the ids and sorts the events, as constructing Zipkin's <c>V1Span</c> does.</summary>
    public void Validate()
    {
        if (TraceId == 0) throw new ArgumentException("traceId == 0");
        if (Id == 0) throw new ArgumentException("id == 0");
        // Stable sorts: the converter hands events to spans in this order, and the first endpoint seen decides
        // which v2 span is "first".
        SortStable(Annotations, static (a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : string.CompareOrdinal(a.Value, b.Value));
        SortStable(BinaryAnnotations, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
    }

    static void SortStable<T>(List<T> items, Comparison<T> compare)
    {
        for (var i = 1; i < items.Count; i++)
        {
            var item = items[i];
            var j = i - 1;
            for (; j >= 0 && compare(items[j], item) > 0; j--) items[j + 1] = items[j];
            items[j + 1] = item;
        }
    }
}

namespace Tracery.Tracing.Model;

/// <summary>
/// A Zipkin v2 span: one timed operation of one service. Instances are normalised as Zipkin normalises
/// them (see <c>docs</c> and the reference's §2.1): ids are lower-hex and padded, absent values are
/// null or zero, annotations sorted, tags sorted by key.
/// </summary>
public sealed record Span
{
    /// <summary>16 or 32 lower-hex characters.</summary>
    public required string TraceId { get; init; }

    /// <summary>16 lower-hex characters, or null for a root span.</summary>
    public string? ParentId { get; init; }

    /// <summary>16 lower-hex characters.</summary>
    public required string Id { get; init; }

    public SpanKind Kind { get; init; }

    /// <summary>Lower-cased operation name, or null.</summary>
    public string? Name { get; init; }

    /// <summary>Epoch microseconds; 0 means absent.</summary>
    public long Timestamp { get; init; }

    /// <summary>Microseconds; 0 means absent.</summary>
    public long Duration { get; init; }

    public Endpoint? LocalEndpoint { get; init; }

    public Endpoint? RemoteEndpoint { get; init; }

    /// <summary>Sorted by (timestamp, value), without duplicates.</summary>
    public IReadOnlyList<Annotation> Annotations { get; init; } = [];

    /// <summary>Sorted by key (ordinal).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = EmptyTags;

    public bool Debug { get; init; }

    public bool Shared { get; init; }

    public string? LocalServiceName => LocalEndpoint?.ServiceName;

    public string? RemoteServiceName => RemoteEndpoint?.ServiceName;

    internal static readonly IReadOnlyDictionary<string, string> EmptyTags = TagMap.Empty;

    /// <summary>A builder holding this span's fields, to derive a changed copy with the rules re-applied.</summary>
    public SpanBuilder ToBuilder() => new SpanBuilder().From(this);

    /// <summary>
    /// This span with Zipkin's rules applied (reference §2.1); use it on spans made with an object initializer.
    /// Throws <see cref="ArgumentException"/> with Zipkin's message when an id is invalid.
    /// </summary>
    public Span Normalize() => ToBuilder().Build();

    /// <summary>Value equality over every field, including the annotation list and tag map contents.</summary>
    public bool Equals(Span? other) =>
        other is not null
        && TraceId == other.TraceId && ParentId == other.ParentId && Id == other.Id && Kind == other.Kind
        && Name == other.Name && Timestamp == other.Timestamp && Duration == other.Duration
        && Equals(LocalEndpoint, other.LocalEndpoint) && Equals(RemoteEndpoint, other.RemoteEndpoint)
        && Annotations.SequenceEqual(other.Annotations) && SameTags(Tags, other.Tags)
        && Debug == other.Debug && Shared == other.Shared;

    static bool SameTags(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
    {
        if (left.Count != right.Count) return false;
        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || other != value) return false;
        }
        return true;
    }

    public override int GetHashCode() => HashCode.Combine(TraceId, Id, ParentId, Kind, Name, Timestamp, Shared);
}

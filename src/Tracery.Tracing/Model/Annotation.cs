namespace Tracery.Tracing.Model;

/// <summary>An event at a point in time: <paramref name="Timestamp"/> in epoch microseconds.</summary>
/// <remarks>Ordered by timestamp, then value, as Zipkin's <c>Annotation.compareTo</c>.</remarks>
public readonly record struct Annotation(long Timestamp, string Value) : IComparable<Annotation>
{
    public int CompareTo(Annotation other)
    {
        var byTime = Timestamp.CompareTo(other.Timestamp);
        return byTime != 0 ? byTime : string.CompareOrdinal(Value, other.Value);
    }
}

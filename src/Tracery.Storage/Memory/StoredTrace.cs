namespace Tracery.Storage.Memory;

using Tracery.Tracing.Model;

/// <summary>
/// The spans stored under one low trace id, the local services that reported them, and the span
/// timestamps (ms) bounding the trace, which place it in the store's sorted indexes.
/// </summary>
sealed class StoredTrace(string lowTraceId)
{
    // Below this many spans a linear duplicate check beats allocating a hash set.
    const int DedupeIndexThreshold = 8;

    HashSet<Span>? _dedupe;

    public string LowTraceId { get; } = lowTraceId;

    /// <summary>In arrival order, exact duplicates left out.</summary>
    public List<Span> Spans { get; } = [];

    /// <summary>Few per trace, so a list beats a set.</summary>
    public List<string> Services { get; } = [];

    public long OldestMillis { get; private set; } = long.MaxValue;

    public long NewestMillis { get; private set; } = long.MinValue;

    public TraceKey OldestKey => new(OldestMillis, LowTraceId);

    public TraceKey NewestKey => new(NewestMillis, LowTraceId);

    /// <summary>False for an exact duplicate of a stored span.</summary>
    public bool TryAdd(Span span)
    {
        if (_dedupe is not null)
        {
            if (!_dedupe.Add(span)) return false;
        }
        else
        {
            foreach (var stored in Spans)
            {
                if (stored.Id == span.Id && stored.Equals(span)) return false;
            }
            if (Spans.Count + 1 == DedupeIndexThreshold) _dedupe = [.. Spans, span];
        }
        Spans.Add(span);
        return true;
    }

    public void Widen(long millis)
    {
        OldestMillis = Math.Min(OldestMillis, millis);
        NewestMillis = Math.Max(NewestMillis, millis);
    }

    /// <summary>The newest span timestamp (ms) not after <paramref name="endMillis"/>, or long.MinValue.</summary>
    public long NewestMillisAtOrBefore(long endMillis)
    {
        var newest = long.MinValue;
        foreach (var span in Spans)
        {
            var millis = Millis(span);
            if (millis <= endMillis && millis > newest) newest = millis;
        }
        return newest;
    }

    /// <summary>True when some span's timestamp (ms) lies in [start, end].</summary>
    public bool HasSpanBetween(long startMillis, long endMillis)
    {
        if (OldestMillis > endMillis || NewestMillis < startMillis) return false;
        if (OldestMillis >= startMillis || NewestMillis <= endMillis) return true;
        foreach (var span in Spans)
        {
            var millis = Millis(span);
            if (millis >= startMillis && millis <= endMillis) return true;
        }
        return false;
    }

    /// <summary>A span without a timestamp counts as time 0, as in Zipkin's index keys.</summary>
    public static long Millis(Span span) => span.Timestamp / 1000;
}

namespace Tracery.Server.Admin;

using Tracery.Server.Collector;

/// <summary>
/// The span writer's meters, named as Tracery's own (<c>tracery_storage_*</c>) since Zipkin has no backlog:
/// the backlog's size and oldest age, spans written, store attempts retried, and spans dropped by reason.
/// </summary>
internal static class WriterMeters
{
    public readonly record struct Meter(string Kind, string Name, string? Reason, double Value);

    public static IEnumerable<Meter> Of(SpanWriter writer)
    {
        var backlog = writer.Backlog;
        var counters = writer.Counters;
        yield return new("gauge", "backlog_spans", null, backlog.Spans);
        yield return new("gauge", "backlog_oldest_age_seconds", null, backlog.OldestAge.TotalSeconds);
        yield return new("counter", "spans_written", null, counters.SpansWritten);
        yield return new("counter", "write_retries", null, counters.WriteRetries);
        foreach (var reason in Enum.GetValues<SpanDropReason>())
        {
            yield return new("counter", "spans_dropped", WriterCounters.Label(reason), counters.SpansDropped(reason));
        }
    }
}

namespace Tracery.Server.Collector;

using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;

/// <summary>
/// The transport-independent pipeline of reference §3.1: count, decode the whole message, sample by
/// trace id, queue for storage. A message that fails to decode stores nothing. Queueing never waits for
/// storage (see <see cref="SpanWriter"/>), so the methods complete at once.
/// </summary>
public sealed class SpanCollector(CollectorSampler sampler, SpanWriter writer, CollectorMetrics metrics)
{
    public CollectorMetrics Metrics => metrics;

    /// <summary>Decodes and queues a message; throws <see cref="SpanDecodeException"/> for bad input.</summary>
    public ValueTask AcceptAsync(ReadOnlySpan<byte> message, SpanEncoding encoding, CollectorTransport transport, CancellationToken cancellationToken)
    {
        var counters = metrics.For(transport);
        counters.IncrementMessages();
        counters.IncrementBytes(message.Length);
        IReadOnlyList<Span> spans;
        try
        {
            spans = SpanBytesDecoder.DecodeList(message, encoding);
        }
        catch
        {
            counters.IncrementMessagesDropped();
            throw;
        }
        return AcceptDecodedAsync(spans, counters, cancellationToken);
    }

    /// <summary>Samples and queues spans already decoded (Scribe decodes entry by entry).</summary>
    public ValueTask AcceptDecodedAsync(IReadOnlyList<Span> spans, TransportMetrics counters, CancellationToken cancellationToken)
    {
        counters.IncrementSpans(spans.Count);
        var kept = Sample(spans);
        if (kept.Count < spans.Count)
        {
            counters.IncrementSpansDropped(spans.Count - kept.Count);
        }
        writer.Enqueue(kept, counters);
        return ValueTask.CompletedTask;
    }

    private IReadOnlyList<Span> Sample(IReadOnlyList<Span> spans)
    {
        if (sampler.Rate >= 1.0)
        {
            return spans;
        }
        var kept = new List<Span>(spans.Count);
        foreach (var span in spans)
        {
            if (sampler.IsSampled(span))
            {
                kept.Add(span);
            }
        }
        return kept;
    }
}

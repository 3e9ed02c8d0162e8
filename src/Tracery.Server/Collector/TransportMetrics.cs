namespace Tracery.Server.Collector;

/// <summary>
/// Counters of one transport, as Zipkin's <c>CollectorMetrics</c>: counters only grow; the two
/// gauges hold the size of the last message.
/// </summary>
public sealed class TransportMetrics(string transport)
{
    private long messages, messagesDropped, bytes, spans, spansDropped, messageSpans, messageBytes;

    public string Transport { get; } = transport;

    public long Messages => Interlocked.Read(ref messages);
    public long MessagesDropped => Interlocked.Read(ref messagesDropped);
    public long Bytes => Interlocked.Read(ref bytes);
    public long Spans => Interlocked.Read(ref spans);
    public long SpansDropped => Interlocked.Read(ref spansDropped);
    public long MessageSpans => Interlocked.Read(ref messageSpans);
    public long MessageBytes => Interlocked.Read(ref messageBytes);

    public void IncrementMessages() => Interlocked.Increment(ref messages);

    public void IncrementMessagesDropped() => Interlocked.Increment(ref messagesDropped);

    public void IncrementBytes(int count)
    {
        Interlocked.Add(ref bytes, count);
        Interlocked.Exchange(ref messageBytes, count);
    }

    public void IncrementSpans(int count)
    {
        Interlocked.Add(ref spans, count);
        Interlocked.Exchange(ref messageSpans, count);
    }

    public void IncrementSpansDropped(int count) => Interlocked.Add(ref spansDropped, count);
}

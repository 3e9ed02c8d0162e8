namespace Tracery.Server.Scribe;

using Tracery.Server.Collector;
using Tracery.Tracing.Codec;
using Tracery.Tracing.Model;
using Tracery.Tracing.Scribe;

/// <summary>
/// Answers one Scribe <c>Log</c> call (reference §2.7): decodes every entry of the span category (each
/// one a base64 v1 Thrift span), queues the spans through the collector and replies OK. Entries of
/// other categories are ignored. The whole call is decoded before anything is queued, so a call with
/// one bad entry stores nothing.
/// </summary>
public sealed class ScribeLogHandler(SpanCollector collector, string category)
{
    /// <summary>The framed reply to a framed call's payload.</summary>
    /// <exception cref="ScribeProtocolException">The payload is not a Scribe Log call.</exception>
    /// <exception cref="SpanDecodeException">An entry of the span category is not a base64 Thrift span.</exception>
    public async ValueTask<byte[]> HandleAsync(byte[] payload, CancellationToken cancellationToken)
    {
        var counters = collector.Metrics.Scribe;
        counters.IncrementMessages();
        var spans = new List<Span>();
        ScribeLogCall call;
        try
        {
            call = ScribeMessages.DecodeLogCall(payload);
            var bytes = 0;
            foreach (var entry in call.Entries)
            {
                if (entry.Category == category)
                {
                    bytes += entry.Message.Length;
                    ScribeSpans.Decode(entry, spans);
                }
            }
            counters.IncrementBytes(bytes);
        }
        catch
        {
            counters.IncrementMessagesDropped();
            throw;
        }
        await collector.AcceptDecodedAsync(spans, counters, cancellationToken);
        return ScribeMessages.EncodeReply(call.SequenceId, ScribeResultCode.Ok);
    }
}

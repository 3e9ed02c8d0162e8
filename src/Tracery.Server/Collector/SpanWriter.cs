namespace Tracery.Server.Collector;

using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tracery.Storage;
using Tracery.Tracing.Model;

/// <summary>
/// Stores decoded spans in the background, so the collector answers once spans are decoded and
/// queued (Zipkin's "202 before storage"). The queue is bounded: when storage falls behind, the
/// collector waits instead of growing memory without limit.
/// </summary>
public sealed partial class SpanWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> queue;
    private readonly ISpanStore store;
    private readonly ILogger logger;
    private readonly Task drain;

    public SpanWriter(ISpanStore store, int capacity, ILogger logger)
    {
        this.store = store;
        this.logger = logger;
        queue = Channel.CreateBounded<PendingWrite>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        drain = Task.Run(DrainAsync);
    }

    public ValueTask EnqueueAsync(IReadOnlyList<Span> spans, TransportMetrics metrics, CancellationToken cancellationToken) =>
        queue.Writer.WriteAsync(new PendingWrite(spans, metrics), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await drain.ConfigureAwait(false);
    }

    private async Task DrainAsync()
    {
        await foreach (var write in queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await store.AcceptAsync(write.Spans).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // As Zipkin: a storage failure is counted and logged, never reported to the sender.
                write.Metrics.IncrementSpansDropped(write.Spans.Count);
                LogStoreFailed(logger, write.Spans.Count, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Count} spans")]
    private static partial void LogStoreFailed(ILogger logger, int count, Exception exception);

    private readonly record struct PendingWrite(IReadOnlyList<Span> Spans, TransportMetrics Metrics);
}

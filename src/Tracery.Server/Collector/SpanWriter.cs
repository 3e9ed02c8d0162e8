namespace Tracery.Server.Collector;

using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Tracery.Storage;
using Tracery.Tracing.Model;

/// <summary>
/// Stores accepted spans in the background, so the collector answers once spans are decoded and queued
/// (Zipkin's "202 before storage"). Queued spans are written in batches, each within the flush interval
/// of its first span. Enqueueing never waits: spans wait in a backlog bounded in spans, and past that
/// bound new spans are dropped and counted, as Zipkin drops rather than block its reporters.
/// </summary>
public sealed partial class SpanWriter : IAsyncDisposable
{
    private readonly Channel<PendingWrite> queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ISpanStore store;
    private readonly SpanWriterOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    // Cancelled when a shutdown's drain outlasts its bound: the store attempt and retry waits end at once.
    private readonly CancellationTokenSource abandon = new();
    private readonly Task run;
    private long backlogSpans;
    private long batchSince;

    public SpanWriter(ISpanStore store, SpanWriterOptions options, TimeProvider time, ILogger logger)
    {
        this.store = store;
        this.options = options.Validate();
        this.time = time;
        this.logger = logger;
        run = Task.Run(RunAsync);
    }

    public WriterCounters Counters { get; } = new();

    public BacklogStatus Backlog
    {
        get
        {
            var now = time.GetTimestamp();
            var oldest = Volatile.Read(ref batchSince);
            if (oldest == 0 && queue.Reader.TryPeek(out var head))
            {
                oldest = head.EnqueuedAt;
            }
            var failing = Volatile.Read(ref failingSince);
            return new BacklogStatus(
                Interlocked.Read(ref backlogSpans), options.MaxBacklogSpans,
                oldest == 0 ? TimeSpan.Zero : time.GetElapsedTime(oldest, now),
                Volatile.Read(ref storeError), failing == 0 ? null : time.GetElapsedTime(failing, now));
        }
    }

    /// <summary>Queues spans for the store, or drops and counts them when the backlog is full. Never waits.</summary>
    public void Enqueue(IReadOnlyList<Span> spans, TransportMetrics transport)
    {
        if (spans.Count == 0)
        {
            return;
        }
        if (!TryReserve(spans.Count))
        {
            Drop(SpanDropReason.BacklogFull, spans.Count, transport);
            return;
        }
        if (!queue.Writer.TryWrite(new PendingWrite(spans, transport, Now())))
        {
            // Only after shutdown began: nothing will write these any more.
            Drop(SpanDropReason.Shutdown, spans.Count, transport);
        }
    }

    /// <summary>Stores everything queued, waiting at most the drain timeout; what is left then is logged and dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        try
        {
            await run.WaitAsync(options.DrainTimeout, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(logger, options.DrainTimeout, Interlocked.Read(ref backlogSpans), storeError);
            await abandon.CancelAsync().ConfigureAwait(false);
            await run.ConfigureAwait(false);
        }
        abandon.Dispose();
    }

    private bool TryReserve(int count)
    {
        var current = Interlocked.Read(ref backlogSpans);
        while (current + count <= options.MaxBacklogSpans)
        {
            var seen = Interlocked.CompareExchange(ref backlogSpans, current + count, current);
            if (seen == current)
            {
                return true;
            }
            current = seen;
        }
        return false;
    }

    private void Drop(SpanDropReason reason, int count, TransportMetrics transport)
    {
        // Zipkin's spans_dropped per transport counts every lost span; the reason counter says why.
        transport.IncrementSpansDropped(count);
        Counters.AddDropped(reason, count);
        if (reason != SpanDropReason.BacklogFull)
        {
            Interlocked.Add(ref backlogSpans, -count);
        }
    }

    // Zero means "none" in the timestamp fields; a real timestamp is never taken as zero.
    private long Now() => Math.Max(1, time.GetTimestamp());

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>();
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await GatherAsync(batch).ConfigureAwait(false);
            Volatile.Write(ref batchSince, batch[0].EnqueuedAt);
            await WriteAsync(batch).ConfigureAwait(false);
            Volatile.Write(ref batchSince, 0);
            batch.Clear();
        }
    }

    /// <summary>
    /// Takes queued writes until the batch holds <see cref="SpanWriterOptions.MaxBatchSpans"/> or half the
    /// flush interval has passed since its first span was accepted; the other half is the write's.
    /// Writes that queued up during the previous write are past that point already and go at once.
    /// </summary>
    private async Task GatherAsync(List<PendingWrite> batch)
    {
        var spans = 0;
        var linger = options.FlushInterval / 2;
        while (spans < options.MaxBatchSpans)
        {
            if (queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
                spans += write.Spans.Count;
                continue;
            }
            var remaining = linger - time.GetElapsedTime(batch[0].EnqueuedAt);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }
            using var deadline = new CancellationTokenSource(remaining, time);
            try
            {
                // False once shutdown has begun and the queue is empty: write what there is at once.
                if (!await queue.Reader.WaitToReadAsync(deadline.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private readonly record struct PendingWrite(IReadOnlyList<Span> Spans, TransportMetrics Transport, long EnqueuedAt);
}

namespace Tracery.Mesh.Telemetry;

using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tracery.Tracing.Model;

/// <summary>
/// A bounded queue of spans drained in batches by one background loop into an <see cref="ISpanTransport"/>.
/// <see cref="Report"/> never waits: when the queue is full the new span is dropped and counted (drop-newest keeps
/// the queue's older, already-waiting spans, which complete traces that are partly sent). A failed batch is counted
/// and not retried, so a down collector costs memory no larger than the queue. A batch that is not full waits up
/// to <see cref="SpanReporterOptions.FlushInterval"/> for more spans, so messages stay few under load.
/// </summary>
/// <remarks>
/// Spans are encoded when reported and queued as bytes. Queued as objects, the spans waiting out the flush
/// interval (thousands at a proxy's full speed, some twenty objects each) survived every young-generation
/// collection and made each one copy them: pauses of about 4.5 ms, 17 a second, which stopped every request in
/// flight (docs/benchmarks.md, "Inline I/O and spans queued as bytes"). Encoded at once, a span's objects die young and the
/// queue holds one pooled buffer per span, which the collector copies without tracing.
/// </remarks>
public sealed partial class SpanReporter : ISpanSink, IAsyncDisposable
{
    // Spans are a few hundred bytes; an odd larger one is allocated and left to the collector.
    private const int MaxPooledSpanBytes = 4096;

    // Enough for the spans a busy proxy queues in one flush interval (about 5,000 at 25,000 spans a second).
    private const int MaxPooledSpansPerSize = 8192;

    // A [ThreadStatic] scratch buffer: Report runs on the request path, on many threads at once.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? scratch;

    private readonly Channel<EncodedSpan> queue;

    // The reporter's own pool, sized to what waits in the queue, rather than the shared one, which keeps only a few
    // dozen buffers per size: beyond those every queued span was a new array that lived through the flush interval,
    // and the collector, seeing so much young memory survive, grew its young generation (and the process) to match.
    private readonly ArrayPool<byte> buffers;
    private readonly ISpanTransport transport;
    private readonly SpanReporterOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource flushNow = new();
    private readonly Task loop;
    private int stopped;

    public SpanReporter(ISpanTransport transport, SpanReporterOptions? options = null, ILogger? logger = null, TimeProvider? time = null)
    {
        this.transport = transport;
        this.options = options ?? new SpanReporterOptions();
        this.logger = logger ?? NullLogger.Instance;
        this.time = time ?? TimeProvider.System;
        buffers = ArrayPool<byte>.Create(MaxPooledSpanBytes, Math.Min(this.options.QueueCapacity, MaxPooledSpansPerSize));
        queue = Channel.CreateBounded<EncodedSpan>(new BoundedChannelOptions(this.options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        loop = Task.Run(DrainAsync);
    }

    public SpanReporterCounters Counters { get; } = new();

    public string Kind => transport.Kind;

    /// <summary>Spans waiting to be sent.</summary>
    public int QueueDepth => queue.Reader.Count;

    public void Report(Span span)
    {
        if (queue.Reader.Count >= options.QueueCapacity)
        {
            Counters.AddDropped(); // full: not worth encoding
            return;
        }

        var buffer = scratch ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        transport.Encode(span, buffer);
        var encoded = EncodedSpan.Copy(buffers, buffer.WrittenSpan);
        if (queue.Writer.TryWrite(encoded))
        {
            Counters.AddQueued();
        }
        else
        {
            encoded.Return(buffers);
            Counters.AddDropped();
        }
    }

    /// <summary>Stops taking spans, sends what is queued (for at most <paramref name="drainTimeout"/>), closes the transport.</summary>
    public async ValueTask StopAsync(TimeSpan drainTimeout)
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        queue.Writer.TryComplete();
        flushNow.Cancel();
        stopping.CancelAfter(drainTimeout);
        await loop.ConfigureAwait(false);
        await transport.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
        flushNow.Dispose();
    }

    public ValueTask DisposeAsync() => StopAsync(TimeSpan.FromSeconds(2));

    private async Task DrainAsync()
    {
        var batch = new List<EncodedSpan>(options.BatchSize);
        var bytes = new List<ReadOnlyMemory<byte>>(options.BatchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stopping.Token).ConfigureAwait(false))
            {
                Fill(batch);
                if (batch.Count < options.BatchSize && !flushNow.IsCancellationRequested)
                {
                    await LingerAsync().ConfigureAwait(false);
                    Fill(batch);
                }

                bytes.Clear();
                foreach (var span in batch)
                {
                    bytes.Add(span.Bytes);
                }
                await SendAsync(bytes).ConfigureAwait(false);
                foreach (var span in batch)
                {
                    span.Return(buffers); // sent or failed: the transport is done with the bytes either way
                }
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped with spans still queued: they are lost, as on any shutdown.
        }
    }

    private void Fill(List<EncodedSpan> batch)
    {
        while (batch.Count < options.BatchSize && queue.Reader.TryRead(out var span))
        {
            batch.Add(span);
        }
    }

    /// <summary>Waits the flush interval; a stop cuts it short so that queued spans go out at once.</summary>
    private async Task LingerAsync()
    {
        try
        {
            await Task.Delay(options.EffectiveFlushInterval, time, flushNow.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (flushNow.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(List<ReadOnlyMemory<byte>> batch)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        timeout.CancelAfter(options.EffectiveSendTimeout);
        try
        {
            await transport.SendAsync(batch, timeout.Token).ConfigureAwait(false);
            Counters.AddSent(batch.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            Counters.AddFailed(batch.Count);
            LogSendFailed(logger, transport.Kind, batch.Count, e.Message);
            await Task.Delay(options.EffectiveRetryDelay, time, stopping.Token).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind}: dropped {Count} spans the collector did not take: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string kind, int count, string reason);
}

namespace Tracery.Server.Collector;

using Microsoft.Extensions.Logging;
using Tracery.Storage;
using Tracery.Tracing.Model;

/// <summary>Writing one batch: retried while the store is unreachable, split when the store rejects it.</summary>
public sealed partial class SpanWriter
{
    private string? storeError;
    private long failingSince;

    private enum Outcome
    {
        Stored,
        Rejected,
        Abandoned,
    }

    private async Task WriteAsync(IReadOnlyList<PendingWrite> batch)
    {
        var spans = batch.Count == 1 ? batch[0].Spans : batch.SelectMany(w => w.Spans).ToList();
        var outcome = await StoreAsync(spans).ConfigureAwait(false);
        if (outcome == Outcome.Rejected && batch.Count > 1)
        {
            // One bad message must not cost the others in its batch: write each alone to find it.
            foreach (var write in batch)
            {
                await WriteAsync([write]).ConfigureAwait(false);
            }
            return;
        }
        foreach (var write in batch)
        {
            switch (outcome)
            {
                case Outcome.Stored:
                    Counters.AddWritten(write.Spans.Count);
                    Interlocked.Add(ref backlogSpans, -write.Spans.Count);
                    break;
                case Outcome.Rejected:
                    Drop(SpanDropReason.StoreRejected, write.Spans.Count, write.Transport);
                    break;
                default:
                    Drop(SpanDropReason.Shutdown, write.Spans.Count, write.Transport);
                    break;
            }
        }
    }

    /// <summary>Stores the spans, waiting out transient failures with capped exponential backoff.</summary>
    private async Task<Outcome> StoreAsync(IReadOnlyList<Span> spans)
    {
        var delay = options.MinRetryDelay;
        while (true)
        {
            try
            {
                await store.AcceptAsync(spans, abandon.Token).ConfigureAwait(false);
                Recovered();
                return Outcome.Stored;
            }
            catch (Exception) when (abandon.IsCancellationRequested)
            {
                return Outcome.Abandoned;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e) || e is OperationCanceledException)
            {
                Failing(e, spans.Count);
            }
            catch (Exception e)
            {
                // As Zipkin: the sender already has its 202; the loss is counted and logged.
                LogRejected(logger, spans.Count, e);
                return Outcome.Rejected;
            }
            try
            {
                await Task.Delay(delay, time, abandon.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return Outcome.Abandoned;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
        }
    }

    private void Failing(Exception error, int count)
    {
        Counters.AddRetry();
        Volatile.Write(ref storeError, $"{error.GetType().Name}: {error.Message}");
        // One warning per outage, with the error; the retries after it are debug noise.
        if (Interlocked.CompareExchange(ref failingSince, Now(), 0) == 0)
        {
            LogUnreachable(logger, count, options.MaxBacklogSpans, error);
        }
        else
        {
            LogRetrying(logger, count, error.Message);
        }
    }

    private void Recovered()
    {
        var since = Interlocked.Exchange(ref failingSince, 0);
        if (since != 0)
        {
            Volatile.Write(ref storeError, null);
            LogRecovered(logger, time.GetElapsedTime(since), Interlocked.Read(ref backlogSpans));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store refused {Count} spans; they are dropped")]
    private static partial void LogRejected(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store is unreachable; keeping {Count} spans and retrying, while accepting new spans up to a backlog of {Max}")]
    private static partial void LogUnreachable(ILogger logger, int count, int max, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The store is still unreachable, retrying {Count} spans: {Error}")]
    private static partial void LogRetrying(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store is reachable again after {Outage}; {Backlog} spans in the backlog")]
    private static partial void LogRecovered(ILogger logger, TimeSpan outage, long backlog);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown waited {Timeout} for the store; dropping the {Backlog} spans not yet stored (last error: {Error})")]
    private static partial void LogDrainTimedOut(ILogger logger, TimeSpan timeout, long backlog, string? error);
}

namespace Tracery.Cli.Demo;

using Tracery.Storage;
using Tracery.Storage.Query;
using Tracery.Tracing.Model;

/// <summary>
/// Waits for a trace to be stored whole. Spans arrive one router at a time through the reporter and
/// the collector, so the store is polled until the trace has all its spans or the time is up.
/// </summary>
internal sealed class TraceWait(ISpanStore store, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>The newest trace of <paramref name="serviceName"/> started at or after <paramref name="since"/> with at least <paramref name="spanCount"/> spans; null on timeout.</summary>
    public Task<IReadOnlyList<Span>?> ForNewTraceAsync(string serviceName, DateTimeOffset since, int spanCount, TimeSpan timeout, CancellationToken cancellationToken) =>
        PollAsync(async ct =>
        {
            var now = time.GetUtcNow();
            var traces = await store.GetTracesAsync(new QueryRequest
            {
                ServiceName = serviceName,
                EndTs = now.ToUnixTimeMilliseconds() + 1000,
                Lookback = (long)(now - since).TotalMilliseconds + 2000,
                Limit = 10,
            }, ct);
            var sinceMicros = since.ToUnixTimeMilliseconds() * 1000;
            return traces.Where(t => t.Count >= spanCount && t.Min(s => s.Timestamp) >= sinceMicros).MaxBy(t => t.Min(s => s.Timestamp));
        }, timeout, cancellationToken);

    /// <summary>The trace with this id once it has at least <paramref name="spanCount"/> spans; null on timeout.</summary>
    public Task<IReadOnlyList<Span>?> ForTraceAsync(string traceId, int spanCount, TimeSpan timeout, CancellationToken cancellationToken) =>
        PollAsync(async ct => await store.GetTraceAsync(traceId, ct) is { } spans && spans.Count >= spanCount ? spans : null, timeout, cancellationToken);

    private async Task<IReadOnlyList<Span>?> PollAsync(Func<CancellationToken, Task<IReadOnlyList<Span>?>> find, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            if (await find(cancellationToken) is { } found)
            {
                return found;
            }
            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}

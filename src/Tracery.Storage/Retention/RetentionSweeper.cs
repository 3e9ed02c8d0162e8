namespace Tracery.Storage.Retention;

/// <summary>
/// Drops traces older than the retention age, then the oldest traces while the store is over its size
/// limit, once at start and then every <see cref="RetentionPolicy.Interval"/>, in the background. A failed sweep is reported and retried next time: retention is
/// housekeeping and must never stop ingest.
/// </summary>
public sealed class RetentionSweeper : IAsyncDisposable
{
    readonly IExpiringStore _store;
    readonly RetentionPolicy _policy;
    readonly TimeProvider _time;
    readonly Action<Exception> _onError;
    readonly CancellationTokenSource _stop = new();
    readonly PeriodicTimer _timer;
    readonly Task _loop;

    public RetentionSweeper(IExpiringStore store, RetentionPolicy policy, TimeProvider time, Action<Exception>? onError = null)
    {
        if (policy.Age <= TimeSpan.Zero) throw new ArgumentException($"retention must be positive, not {policy.Age}");
        if (policy.MaxBytes <= 0) throw new ArgumentException($"retention size must be positive, not {policy.MaxBytes}");
        _store = store;
        _policy = policy;
        _time = time;
        _onError = onError ?? (_ => { });
        _timer = new PeriodicTimer(policy.Interval, time);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Sweeps run so far, successful or not: lets callers wait for one.</summary>
    public int Sweeps => Volatile.Read(ref _sweeps);

    int _sweeps;

    async Task RunAsync()
    {
        do
        {
            try
            {
                await SweepOnceAsync(_stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                _onError(error);
            }
            Interlocked.Increment(ref _sweeps);
        }
        while (await WaitAsync());
    }

    async Task<bool> WaitAsync()
    {
        try
        {
            return await _timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Deletes traces whose newest span is older than now minus the retention age, then the oldest while over the size.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        if (_policy.Age is { } age) deleted += await _store.DeleteTracesOlderThanAsync((_time.GetUtcNow() - age).ToUnixTimeMilliseconds(), cancellationToken);
        if (_policy.MaxBytes is { } maxBytes) deleted += await _store.DeleteOldestTracesOverAsync(maxBytes, cancellationToken);
        return deleted;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _timer.Dispose();
        await _loop;
        _stop.Dispose();
    }
}

namespace Tracery.Storage.Retention;

/// <summary>
/// Drops traces older than the retention age from a store, once at start and then every
/// <c>interval</c>, in the background. A failed sweep is reported and retried next time: retention is
/// housekeeping and must never stop ingest.
/// </summary>
public sealed class RetentionSweeper : IAsyncDisposable
{
    readonly IExpiringStore _store;
    readonly TimeSpan _age;
    readonly TimeProvider _time;
    readonly Action<Exception> _onError;
    readonly CancellationTokenSource _stop = new();
    readonly PeriodicTimer _timer;
    readonly Task _loop;

    public RetentionSweeper(IExpiringStore store, TimeSpan age, TimeSpan interval, TimeProvider time, Action<Exception>? onError = null)
    {
        if (age <= TimeSpan.Zero) throw new ArgumentException($"retention must be positive, not {age}");
        if (interval <= TimeSpan.Zero) throw new ArgumentException($"retention interval must be positive, not {interval}");
        _store = store;
        _age = age;
        _time = time;
        _onError = onError ?? (_ => { });
        _timer = new PeriodicTimer(interval, time);
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

    /// <summary>Deletes traces whose newest span is older than now minus the retention age.</summary>
    public Task<int> SweepOnceAsync(CancellationToken cancellationToken = default) =>
        _store.DeleteTracesOlderThanAsync((_time.GetUtcNow() - _age).ToUnixTimeMilliseconds(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _timer.Dispose();
        await _loop;
        _stop.Dispose();
    }
}

namespace Tracery.Mesh.Classification;

/// <summary>
/// A retry budget over a sliding window of one-second buckets: within the last <c>ttlSecs</c> seconds, retries
/// may not exceed <c>minRetriesPerSec × ttlSecs + percentCanRetry × requests</c>.
/// </summary>
public sealed class WindowedRetryBudget : IRetryBudget
{
    private readonly RetryBudgetOptions _options;
    private readonly TimeProvider _time;
    private readonly long[] _seconds;
    private readonly int[] _deposits;
    private readonly int[] _withdrawals;
    private readonly Lock _lock = new();

    public WindowedRetryBudget(RetryBudgetOptions options, TimeProvider time)
    {
        if (options.TtlSecs is < 1 or > 60)
        {
            throw new ArgumentException($"retries.budget.ttlSecs must be between 1 and 60, got {options.TtlSecs}", nameof(options));
        }
        if (options.PercentCanRetry is < 0 or > 1000)
        {
            throw new ArgumentException($"retries.budget.percentCanRetry must be between 0.0 and 1000.0, got {options.PercentCanRetry}", nameof(options));
        }
        _options = options;
        _time = time;
        _seconds = new long[options.TtlSecs];
        _deposits = new int[options.TtlSecs];
        _withdrawals = new int[options.TtlSecs];
        Array.Fill(_seconds, long.MinValue);
    }

    public void Deposit()
    {
        lock (_lock)
        {
            _deposits[Bucket()]++;
        }
    }

    public bool TryWithdraw()
    {
        lock (_lock)
        {
            var now = Bucket();
            long deposits = 0, withdrawals = 0;
            for (var i = 0; i < _seconds.Length; i++)
            {
                deposits += _deposits[i];
                withdrawals += _withdrawals[i];
            }
            var allowed = (double)_options.MinRetriesPerSec * _options.TtlSecs + _options.PercentCanRetry * deposits;
            if (withdrawals + 1 > allowed)
            {
                return false;
            }
            _withdrawals[now]++;
            return true;
        }
    }

    /// <summary>The bucket of the current second, cleared when it last held an older second. Callers hold the lock.</summary>
    private int Bucket()
    {
        var second = _time.GetUtcNow().ToUnixTimeSeconds();
        for (var i = 0; i < _seconds.Length; i++)
        {
            if (_seconds[i] <= second - _seconds.Length)
            {
                _seconds[i] = long.MinValue;
                _deposits[i] = 0;
                _withdrawals[i] = 0;
            }
        }
        var index = (int)(second % _seconds.Length);
        _seconds[index] = second;
        return index;
    }
}

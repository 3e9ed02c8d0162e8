namespace Tracery.Mesh.Balancing;

using Tracery.Mesh.Classification;

/// <summary>
/// <c>io.l5d.consecutiveFailures</c>: after <c>failures</c> failures in a row the endpoint is dead for a backoff
/// (jittered 5 s to 300 s by default, growing with each relapse). When the backoff ends it is probed: the next
/// success revives it and resets the backoff, the next failure kills it again.
/// </summary>
public sealed class ConsecutiveFailuresAccrual(int failures, IBackoff backoff) : IFailureAccrual
{
    private readonly Lock _lock = new();
    private int _consecutive;
    private int _relapses;
    private DateTimeOffset? _deadUntil;

    public bool IsAvailable(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _deadUntil is null || now >= _deadUntil;
        }
    }

    public void RecordSuccess()
    {
        lock (_lock)
        {
            _consecutive = 0;
            _relapses = 0;
            _deadUntil = null;
        }
    }

    public void RecordFailure(DateTimeOffset now)
    {
        lock (_lock)
        {
            _consecutive++;
            var probeFailed = _deadUntil is not null && now >= _deadUntil;
            if (probeFailed || (_deadUntil is null && _consecutive >= failures))
            {
                _relapses++;
                _deadUntil = now + backoff.Delay(_relapses);
            }
        }
    }

    public string State(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _deadUntil is null ? "alive" : now < _deadUntil ? "dead" : "probing";
        }
    }
}

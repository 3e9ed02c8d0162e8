namespace Tracery.Mesh.Balancing;

using Tracery.Mesh.Classification;

/// <summary>
/// What every Finagle failure-accrual policy shares: when the policy says so, the endpoint is dead for a
/// backoff that grows with each relapse; when the backoff ends it is probed, and a success revives it (and
/// resets the policy) while a failure kills it again for longer. Subclasses only decide when to mark dead.
/// Availability is read without a lock, since the balancer asks about every endpoint on every pick.
/// </summary>
public abstract class ProbingAccrual(IBackoff backoff) : IFailureAccrual
{
    private readonly Lock _lock = new();
    private long _deadUntilTicks; // UTC ticks; 0 while alive
    private int _relapses;

    public bool IsAvailable(DateTimeOffset now)
    {
        var until = Volatile.Read(ref _deadUntilTicks);
        return until == 0 || now.UtcTicks >= until;
    }

    public void RecordSuccess(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_deadUntilTicks != 0)
            {
                Volatile.Write(ref _deadUntilTicks, 0);
                _relapses = 0;
                Revived(now);
                return;
            }
            Succeeded(now);
        }
    }

    public void RecordFailure(DateTimeOffset now)
    {
        lock (_lock)
        {
            var until = _deadUntilTicks;
            var probeFailed = until != 0 && now.UtcTicks >= until;
            if (probeFailed || (until == 0 && FailedShouldMarkDead(now)))
            {
                _relapses++;
                Volatile.Write(ref _deadUntilTicks, (now + backoff.Delay(_relapses)).UtcTicks);
            }
        }
    }

    public string State(DateTimeOffset now)
    {
        var until = Volatile.Read(ref _deadUntilTicks);
        return until == 0 ? "alive" : now.UtcTicks < until ? "dead" : "probing";
    }

    /// <summary>A success while alive. Called under the accrual's lock, as are the other hooks.</summary>
    protected abstract void Succeeded(DateTimeOffset now);

    /// <summary>A failure while alive; true marks the endpoint dead.</summary>
    protected abstract bool FailedShouldMarkDead(DateTimeOffset now);

    /// <summary>A probe succeeded: forget the history that killed the endpoint.</summary>
    protected abstract void Revived(DateTimeOffset now);
}

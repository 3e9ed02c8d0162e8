namespace Tracery.Mesh.Routing;

/// <summary>
/// A server's <c>maxConcurrentRequests</c>: Finagle's request semaphore with no waiters, as an interlocked count
/// so that admitting a request costs two atomic operations and never waits.
/// </summary>
public sealed class ConcurrencyLimit(int max)
{
    private int _inFlight;

    public int Max => max;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Admits a request, or refuses it when <see cref="Max"/> are already in flight; call <see cref="Exit"/> after an admitted one.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _inFlight) <= max)
        {
            return true;
        }
        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);
}

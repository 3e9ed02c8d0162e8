namespace Tracery.Mesh.Admin;

/// <summary>
/// The <c>io.l5d.recentRequests</c> telemeter: keeps the last <paramref name="capacity"/> requests, a
/// <paramref name="sampleRate"/> share of them, for the admin <c>/requests</c> page.
/// </summary>
public sealed class RecentRequests(int capacity, double sampleRate)
{
    private readonly Lock _lock = new();
    private readonly Queue<RecentRequest> _entries = new();

    public void Record(RecentRequest request)
    {
        if (sampleRate < 1.0 && Random.Shared.NextDouble() >= sampleRate)
        {
            return;
        }
        lock (_lock)
        {
            _entries.Enqueue(request);
            while (_entries.Count > capacity)
            {
                _entries.Dequeue();
            }
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RecentRequest> Snapshot()
    {
        lock (_lock)
        {
            return _entries.Reverse().ToList();
        }
    }
}

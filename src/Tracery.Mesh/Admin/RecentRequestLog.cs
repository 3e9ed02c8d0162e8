namespace Tracery.Mesh.Admin;

/// <summary>
/// The <c>io.l5d.recentRequests</c> telemeter: keeps the last <paramref name="capacity"/> of a
/// <paramref name="sampleRate"/> share of requests, newest first, for the admin <c>/requests</c> page.
/// </summary>
public sealed class RecentRequestLog(int capacity = 10, double sampleRate = 1.0)
{
    private readonly Lock _lock = new();
    private readonly Queue<RecentRequest> _entries = new();

    public int Capacity => capacity;

    public double SampleRate => sampleRate;

    /// <summary>Whether to keep the next request; decided before building its entry, so skipped ones cost nothing.</summary>
    public bool Samples() => sampleRate >= 1.0 || Random.Shared.NextDouble() < sampleRate;

    public void Add(RecentRequest request)
    {
        lock (_lock)
        {
            _entries.Enqueue(request);
            while (_entries.Count > capacity)
            {
                _entries.Dequeue();
            }
        }
    }

    public IReadOnlyList<RecentRequest> Snapshot()
    {
        lock (_lock)
        {
            return _entries.Reverse().ToList();
        }
    }
}

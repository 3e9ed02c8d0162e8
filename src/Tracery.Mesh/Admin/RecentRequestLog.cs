namespace Tracery.Mesh.Admin;

using Tracery.Mesh.Telemetry;

/// <summary>
/// The <c>io.l5d.recentRequests</c> telemeter: the last <paramref name="capacity"/> sampled requests, newest first,
/// for the admin <c>/requests</c> page. Fed by the routers' tracers, so its share of requests is the sample rate.
/// </summary>
public sealed class RecentRequestLog(int capacity = 10) : IRecentRequestLog
{
    private readonly Lock _lock = new();
    private readonly Queue<RecentRequest> _entries = new();

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

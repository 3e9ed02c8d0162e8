namespace Tracery.Mesh.Telemetry;

/// <summary>A ring of the most recent sampled requests (the <c>io.l5d.recentRequests</c> telemeter); the admin server renders it.</summary>
public sealed class RecentRequests : IRecentRequestLog
{
    private readonly RecentRequest?[] ring;
    private readonly Lock gate = new();
    private long added;

    public RecentRequests(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ring = new RecentRequest?[capacity];
    }

    public int Capacity => ring.Length;

    public void Add(RecentRequest request)
    {
        lock (gate)
        {
            ring[added % ring.Length] = request;
            added++;
        }
    }

    /// <summary>The requests held, newest first.</summary>
    public IReadOnlyList<RecentRequest> Snapshot()
    {
        lock (gate)
        {
            var count = (int)Math.Min(added, ring.Length);
            var result = new RecentRequest[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = ring[(added - 1 - i) % ring.Length]!;
            }

            return result;
        }
    }
}

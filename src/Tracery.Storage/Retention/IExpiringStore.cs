namespace Tracery.Storage.Retention;

/// <summary>A store that can drop old traces, which <see cref="RetentionSweeper"/> asks it to do.</summary>
public interface IExpiringStore
{
    /// <summary>Deletes whole traces whose newest span (ms) is before the cutoff; returns the spans deleted.</summary>
    Task<int> DeleteTracesOlderThanAsync(long cutoffMillis, CancellationToken cancellationToken = default);

    /// <summary>Deletes whole traces, oldest first, until the store is at most <paramref name="maxBytes"/>; returns the spans deleted.</summary>
    Task<int> DeleteOldestTracesOverAsync(long maxBytes, CancellationToken cancellationToken = default);
}

namespace Tracery.Storage.Retention;

/// <summary>
/// What a persistent store keeps: traces younger than <see cref="Age"/> and at most <see cref="MaxBytes"/>
/// of them, either or both; and how often the sweeper enforces it.
/// </summary>
public sealed record RetentionPolicy(TimeSpan? Age, long? MaxBytes)
{
    /// <summary>How often a size limit is checked: a store grows by at most a minute of ingest past it.</summary>
    public static readonly TimeSpan SizeCheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>The policy the options ask for, or null when they keep everything.</summary>
    public static RetentionPolicy? From(StorageOptions options) =>
        options.Retention is null && options.RetentionSize is null ? null : new RetentionPolicy(options.Retention, options.RetentionSize);

    /// <summary>
    /// Ten sweeps per retention age (at most hourly) keep data at most 10% past its age; a size limit is
    /// checked every minute.
    /// </summary>
    public TimeSpan Interval
    {
        get
        {
            var interval = TimeSpan.FromHours(1);
            if (Age is { } age) interval = TimeSpan.FromTicks(Math.Min(age.Ticks / 10, interval.Ticks));
            if (MaxBytes is not null && SizeCheckInterval < interval) interval = SizeCheckInterval;
            return interval;
        }
    }
}

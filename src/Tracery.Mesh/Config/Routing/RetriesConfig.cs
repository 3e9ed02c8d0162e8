namespace Tracery.Mesh.Config.Routing;

/// <summary>
/// <c>service.retries</c>: retries may add <see cref="PercentCanRetry"/> of recent traffic (over <see cref="TtlSecs"/>),
/// plus <see cref="MinRetriesPerSec"/> always; <see cref="Backoff"/> waits between tries.
/// </summary>
public sealed record RetriesConfig(int MinRetriesPerSec, double PercentCanRetry, int TtlSecs, BackoffConfig Backoff)
{
    public static readonly RetriesConfig Default = new(10, 0.2, 10, BackoffConfig.NoBackoff);

    public static RetriesConfig Read(ConfigSection? section)
    {
        if (section is null)
        {
            return Default;
        }

        var config = Default with { Backoff = BackoffConfig.Read(section.Section("backoff"), BackoffConfig.NoBackoff) };
        if (section.Section("budget") is { } budget)
        {
            config = config with
            {
                MinRetriesPerSec = budget.Int("minRetriesPerSec", 0) ?? 10,
                PercentCanRetry = budget.Double("percentCanRetry", 0, 1000) ?? 0.2,
                TtlSecs = budget.Int("ttlSecs", 1, 60) ?? 10,
            };
            budget.Complete();
        }

        section.Complete();
        return config;
    }
}

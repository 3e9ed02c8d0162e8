namespace Tracery.Mesh.Config.Routing;

/// <summary><c>client.hostConnectionPool</c>: per-endpoint connection limits; <see langword="null"/> is unbounded.</summary>
public sealed record HostConnectionPoolConfig(int MinSize = 0, int? MaxSize = null, int? IdleTimeMs = null, int? MaxWaiters = null)
{
    public static HostConnectionPoolConfig Read(ConfigSection? section)
    {
        if (section is null)
        {
            return new();
        }

        var config = new HostConnectionPoolConfig(
            section.Int("minSize", 0) ?? 0, section.Int("maxSize", 1), section.Int("idleTimeMs", 0), section.Int("maxWaiters", 0));
        if (config.MaxSize < config.MinSize)
        {
            throw section.Invalid("maxSize", $"maxSize ({config.MaxSize}) is below minSize ({config.MinSize})");
        }

        section.Complete();
        return config;
    }
}

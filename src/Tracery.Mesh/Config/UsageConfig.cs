namespace Tracery.Mesh.Config;

/// <summary>Linkerd's anonymous usage report; read for compatibility, never sent.</summary>
public sealed record UsageConfig(string? OrgId = null, bool Enabled = true)
{
    public static UsageConfig Read(ConfigSection? section)
    {
        if (section is null)
        {
            return new();
        }

        var config = new UsageConfig(section.String("orgId"), section.Bool("enabled") ?? true);
        section.Complete();
        return config;
    }
}

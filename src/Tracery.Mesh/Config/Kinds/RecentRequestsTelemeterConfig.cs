namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.recentRequests</c>: the admin <c>/requests</c> page keeps the last <see cref="Capacity"/> sampled requests.</summary>
public sealed record RecentRequestsTelemeterConfig(double SampleRate, int Capacity = 10) : TelemeterConfig("io.l5d.recentRequests")
{
    public static RecentRequestsTelemeterConfig Read(ConfigSection section) =>
        new(section.Double("sampleRate", 0, 1) ?? throw section.Missing("sampleRate"), section.Int("capacity", 1, 100_000) ?? 10);
}

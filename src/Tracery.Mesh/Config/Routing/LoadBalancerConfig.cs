namespace Tracery.Mesh.Config.Routing;

/// <summary>
/// <c>client.loadBalancer</c>: <c>p2c</c> (least loaded of two random picks, the default), <c>ewma</c> (peak EWMA
/// latency), <c>roundRobin</c>, <c>aperture</c> or <c>heap</c>.
/// </summary>
public sealed record LoadBalancerConfig(
    string Kind = "p2c",
    bool EnableProbation = false,
    int MaxEffort = 5,
    int DecayTimeMs = 10_000,
    int SmoothWindowMs = 5_000,
    double LowLoad = 0.5,
    double HighLoad = 2.0,
    int MinAperture = 1)
{
    public static readonly IReadOnlyList<string> Kinds = ["p2c", "ewma", "roundRobin", "aperture", "heap"];

    public static LoadBalancerConfig Read(ConfigSection? section)
    {
        if (section is null)
        {
            return new();
        }

        var kind = section.String("kind") ?? "p2c";
        if (!Kinds.Contains(kind))
        {
            throw section.Invalid("kind", $"unknown load balancer kind '{kind}' (known: {string.Join(", ", Kinds)})");
        }

        var config = new LoadBalancerConfig(
            kind,
            section.Bool("enableProbation") ?? false,
            kind is "p2c" or "ewma" or "aperture" ? section.Int("maxEffort", 1) ?? 5 : 5,
            kind == "ewma" ? section.Int("decayTimeMs", 1) ?? 10_000 : 10_000,
            kind == "aperture" ? section.Int("smoothWindowMs", 1) ?? 5_000 : 5_000,
            kind == "aperture" ? section.Double("lowLoad", 0) ?? 0.5 : 0.5,
            kind == "aperture" ? section.Double("highLoad", 0) ?? 2.0 : 2.0,
            kind == "aperture" ? section.Int("minAperture", 1) ?? 1 : 1);
        section.Complete();
        return config;
    }
}

namespace Tracery.Mesh.Config.Routing;

/// <summary>
/// <c>servers[].addForwardedHeader</c>: add an RFC 7239 <c>Forwarded</c> header to every request, its <c>by</c> and
/// <c>for</c> nodes named by labelers (<see cref="LabelerKinds"/>; Linkerd's default for both is <c>requestRandom</c>).
/// </summary>
public sealed record ForwardedHeaderConfig(ForwardedLabelerConfig By, ForwardedLabelerConfig For)
{
    public static readonly IReadOnlyList<string> LabelerKinds = ["ip", "ip:port", "connectionRandom", "requestRandom", "router", "static"];

    public static ForwardedHeaderConfig? Read(ConfigSection? section)
    {
        if (section is null)
        {
            return null;
        }

        var config = new ForwardedHeaderConfig(Labeler(section.Section("by")), Labeler(section.Section("for")));
        section.Complete();
        return config;
    }

    private static ForwardedLabelerConfig Labeler(ConfigSection? section)
    {
        if (section is null)
        {
            return ForwardedLabelerConfig.Default;
        }

        var kind = section.RequireString("kind");
        if (!LabelerKinds.Contains(kind))
        {
            throw section.Invalid("kind", $"unknown labeler kind '{kind}' (known: {string.Join(", ", LabelerKinds)})");
        }

        var config = new ForwardedLabelerConfig(kind, kind == "static" ? section.RequireString("label") : null);
        section.Complete();
        return config;
    }
}

/// <summary>One <c>by</c> or <c>for</c> labeler: its <c>kind</c>, and the <c>label</c> of a <c>static</c> one.</summary>
public sealed record ForwardedLabelerConfig(string Kind, string? Label = null)
{
    public static readonly ForwardedLabelerConfig Default = new("requestRandom");
}

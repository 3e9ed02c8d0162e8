namespace Tracery.Mesh.Config.Routing;

/// <summary>
/// A backoff between tries: <c>constant</c> (<see cref="Ms"/>) or <c>jittered</c> (random, growing from
/// <see cref="MinMs"/> to <see cref="MaxMs"/>).
/// </summary>
public sealed record BackoffConfig(string Kind, int Ms = 0, int MinMs = 0, int MaxMs = 0)
{
    public static readonly BackoffConfig NoBackoff = new("constant");

    /// <summary>Failure accrual's default: jittered 5 s to 300 s.</summary>
    public static readonly BackoffConfig AccrualDefault = new("jittered", MinMs: 5_000, MaxMs: 300_000);

    public static BackoffConfig Read(ConfigSection? section, BackoffConfig fallback)
    {
        if (section is null)
        {
            return fallback;
        }

        var kind = section.RequireString("kind");
        BackoffConfig config = kind switch
        {
            "constant" => new(kind, Ms: section.Int("ms", 0) ?? 0),
            "jittered" => new(kind, MinMs: section.Int("minMs", 0) ?? throw section.Missing("minMs"), MaxMs: section.Int("maxMs", 0) ?? throw section.Missing("maxMs")),
            _ => throw section.Invalid("kind", $"unknown backoff kind '{kind}' (known: constant, jittered)"),
        };
        if (config.MaxMs < config.MinMs)
        {
            throw section.Invalid("maxMs", $"maxMs ({config.MaxMs}) is below minMs ({config.MinMs})");
        }

        section.Complete();
        return config;
    }
}

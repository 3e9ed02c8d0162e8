namespace Tracery.Mesh.Config.Routing;

/// <summary>
/// <c>client.failureAccrual</c>: when to stop sending to an endpoint. <c>io.l5d.consecutiveFailures</c> (default,
/// 5 failures), <c>io.l5d.successRate</c> (over <see cref="Requests"/>), <c>io.l5d.successRateWindowed</c>
/// (over <see cref="WindowSecs"/>) or <c>none</c>; the endpoint is retried after <see cref="Backoff"/>.
/// </summary>
public sealed record FailureAccrualConfig(string Kind, int Failures, double SuccessRate, int Requests, int WindowSecs, BackoffConfig Backoff)
{
    public static readonly FailureAccrualConfig Default = new("io.l5d.consecutiveFailures", 5, 0, 0, 0, BackoffConfig.AccrualDefault);

    public static FailureAccrualConfig Read(ConfigSection? section)
    {
        if (section is null)
        {
            return Default;
        }

        var kind = section.RequireString("kind");
        var backoff = BackoffConfig.Read(section.Section("backoff"), BackoffConfig.AccrualDefault);
        FailureAccrualConfig config = kind switch
        {
            "io.l5d.consecutiveFailures" => Default with { Failures = section.Int("failures", 1) ?? 5 },
            "io.l5d.successRate" => Default with
            {
                Kind = kind,
                SuccessRate = section.Double("successRate", 0, 1) ?? throw section.Missing("successRate"),
                Requests = section.Int("requests", 1) ?? throw section.Missing("requests"),
            },
            "io.l5d.successRateWindowed" => Default with
            {
                Kind = kind,
                SuccessRate = section.Double("successRate", 0, 1) ?? throw section.Missing("successRate"),
                WindowSecs = section.Int("window", 1) ?? throw section.Missing("window"),
            },
            "none" => Default with { Kind = kind, Failures = 0 },
            _ => throw section.Invalid("kind", $"unknown failure accrual kind '{kind}' (known: io.l5d.consecutiveFailures, io.l5d.successRate, io.l5d.successRateWindowed, none)"),
        };
        section.Complete();
        return config with { Backoff = backoff };
    }
}

namespace HelloWorld;

using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>
/// Durations written as Go writes them (<c>250ms</c>, <c>1.5s</c>, <c>1m30s</c>), because the tutorial's
/// app takes its <c>-latency</c> flag and <c>/setLatency</c> parameter in that form.
/// </summary>
public static partial class GoDuration
{
    [GeneratedRegex(@"\G(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        if (text == "0")
        {
            return true;
        }
        var position = 0;
        double ticks = 0;
        while (position < text.Length)
        {
            var match = Part().Match(text, position);
            if (!match.Success)
            {
                return false;
            }
            ticks += double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * TicksPer(match.Groups[2].Value);
            position += match.Length;
        }
        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    /// <summary>Parses or throws an <see cref="ArgumentException"/> naming the bad value.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new ArgumentException($"'{text}' is not a valid duration (examples: 0, 250ms, 1.5s, 1m)", nameof(text));

    private static double TicksPer(string unit) => unit switch
    {
        "ns" => 0.01,
        "us" or "µs" => TimeSpan.TicksPerMicrosecond,
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        _ => TimeSpan.TicksPerHour,
    };
}

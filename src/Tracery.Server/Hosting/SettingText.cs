namespace Tracery.Server.Hosting;

using System.Globalization;

/// <summary>
/// Parses setting values written as Zipkin's users write them (environment variables, options); each
/// failure is an <see cref="ArgumentException"/> naming the setting and the value.
/// </summary>
public static class SettingText
{
    public static bool Bool(string name, string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw Bad(name, value, "true or false"),
    };

    public static int Int(string name, string value, int min, int max = int.MaxValue) =>
        int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw Bad(name, value, max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}");

    public static double Rate(string name, string value) =>
        double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1
            ? rate
            : throw Bad(name, value, "a number from 0.0 to 1.0");

    /// <summary>Milliseconds, as <c>QUERY_LOOKBACK</c>: a positive whole number.</summary>
    public static TimeSpan Milliseconds(string name, string value) =>
        long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(ms)
            : throw Bad(name, value, "a positive number of milliseconds");

    /// <summary>A Spring-style duration, as <c>QUERY_TIMEOUT</c>: "11s", "500ms", "2m"; a bare number is milliseconds.</summary>
    public static TimeSpan Duration(string name, string value)
    {
        var text = value.Trim().ToLowerInvariant();
        var unitStart = text.AsSpan().IndexOfAnyExcept("0123456789");
        var digits = unitStart < 0 ? text : text[..unitStart];
        var unit = unitStart < 0 ? "ms" : text[unitStart..];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            throw Bad(name, value, "a positive duration such as 11s, 500ms or 2m");
        }
        return unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => throw Bad(name, value, "a positive duration such as 11s, 500ms or 2m"),
        };
    }

    /// <summary>A comma-separated list; blanks between commas are skipped.</summary>
    public static IReadOnlyList<string> List(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static ArgumentException Bad(string name, string value, string expected) =>
        new($"{name} must be {expected}, not \"{value}\"");
}

namespace Tracery.Storage.Retention;

using System.Globalization;

/// <summary>Parses retention ages as the command line writes them: 7d, 12h, 30m, 90s.</summary>
public static class RetentionAge
{
    public static TimeSpan Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && long.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            switch (trimmed[^1])
            {
                case 'd': return TimeSpan.FromDays(count);
                case 'h': return TimeSpan.FromHours(count);
                case 'm': return TimeSpan.FromMinutes(count);
                case 's': return TimeSpan.FromSeconds(count);
            }
        }
        throw new ArgumentException($"retention must be a positive number followed by d, h, m or s (e.g. 7d), not \"{text}\"");
    }
}

namespace Tracery.Storage.Retention;

using System.Globalization;

/// <summary>Parses retention sizes as the command line writes them: 500MB, 2GB, 750KB, 1TB (powers of 1024), or bytes.</summary>
public static class RetentionSize
{
    static readonly (string Suffix, long Factor)[] Units =
    [
        ("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10),
        ("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10),
        ("T", 1L << 40), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10), ("B", 1),
    ];

    public static long Parse(string text)
    {
        var trimmed = text.Trim();
        var (suffix, factor) = Units.FirstOrDefault(u => trimmed.EndsWith(u.Suffix, StringComparison.OrdinalIgnoreCase), ("", 1));
        var number = trimmed[..^suffix.Length].Trim();
        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count) && count > 0 && count * factor < long.MaxValue)
        {
            var bytes = (long)(count * factor);
            if (bytes > 0) return bytes;
        }
        throw new ArgumentException($"retention size must be a positive size such as 500MB, 2GB or 750KB, not \"{text}\"");
    }
}

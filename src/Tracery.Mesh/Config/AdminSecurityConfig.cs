namespace Tracery.Mesh.Config;

using System.Collections.Immutable;
using System.Text.RegularExpressions;

/// <summary>
/// <c>admin.security</c>: which admin endpoints answer. Each category (UI, control, diagnostics) is on by default;
/// <see cref="PathWhitelist"/> reopens paths of a category that is off, <see cref="PathBlacklist"/> closes paths of
/// a category that is on (Linkerd's rule). Both are regular expressions that must match the whole request path.
/// </summary>
public sealed record AdminSecurityConfig(
    bool UiEnabled, bool ControlEnabled, bool DiagnosticsEnabled, ImmutableArray<string> PathWhitelist, ImmutableArray<string> PathBlacklist)
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public static AdminSecurityConfig? Read(ConfigSection? section)
    {
        if (section is null)
        {
            return null;
        }

        var config = new AdminSecurityConfig(
            section.Bool("uiEnabled") ?? true,
            section.Bool("controlEnabled") ?? true,
            section.Bool("diagnosticsEnabled") ?? true,
            [.. section.Strings("pathWhitelist", PatternProblem)],
            [.. section.Strings("pathBlacklist", PatternProblem)]);
        section.Complete();
        return config;
    }

    /// <summary>
    /// A list entry as it is matched: anchored at both ends, as Java's <c>Matcher.matches()</c> does in Linkerd, and
    /// case-insensitive because the admin endpoints are routed case-insensitively (a case-sensitive blacklist entry
    /// would let <c>/ADMIN/SHUTDOWN</c> through). The timeout bounds a pathological pattern against a long path.
    /// </summary>
    public static Regex WholePath(string pattern) =>
        new($"\\A(?:{pattern})\\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout);

    private static string? PatternProblem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, MatchTimeout); // its message quotes the pattern as written
            _ = WholePath(pattern);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"not a regular expression: {e.Message}";
        }
    }
}

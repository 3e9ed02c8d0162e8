namespace Tracery.Mesh.Config.Routing;

using System.Text.RegularExpressions;

/// <summary>
/// <c>{variables}</c> of a static client config: captured from the bound id by the segments of its prefix, and
/// put into <c>tls.commonName</c> (Linkerd's <c>commonName: {service}.linkerd.io</c>).
/// </summary>
public static partial class CommonNameTemplate
{
    /// <summary>The variable names in <paramref name="text"/>, e.g. <c>service</c> for <c>/#/io.l5d.fs/{service}</c>.</summary>
    public static IReadOnlyList<string> Variables(string? text) =>
        text is null ? [] : [.. VariablePattern().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>
    /// <paramref name="template"/> with each variable replaced by the segment of <paramref name="boundId"/> where
    /// <paramref name="prefix"/> has it: <c>{service}.example.com</c>, <c>/#/io.l5d.fs/{service}</c> and
    /// <c>/#/io.l5d.fs/web</c> give <c>web.example.com</c>.
    /// </summary>
    public static string Resolve(string template, string? prefix, string boundId)
    {
        if (prefix is null || !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }
        var patterns = prefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = boundId.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(patterns.Length, segments.Length); i++)
        {
            if (VariablePattern().Match(patterns[i]) is { Success: true } match && match.Length == patterns[i].Length)
            {
                values[match.Groups[1].Value] = segments[i];
            }
        }
        return VariablePattern().Replace(template, m => values.GetValueOrDefault(m.Groups[1].Value, m.Value));
    }

    [GeneratedRegex(@"\{([^/{}]*)\}")]
    private static partial Regex VariablePattern();
}

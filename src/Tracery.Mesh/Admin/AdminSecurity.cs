namespace Tracery.Mesh.Admin;

using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Config;

/// <summary>
/// Linkerd's admin <c>SecurityFilter</c>, run in front of the admin endpoints, with its rule: a path of an enabled
/// category is served unless the blacklist matches it; a path of a disabled category is refused unless the
/// whitelist matches it.
/// </summary>
public sealed class AdminSecurity
{
    // Linkerd's lists (SecurityFilter.scala); compared case-insensitively because the endpoints are routed so.
    private static readonly FrozenSet<string> UiPaths = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "/", "/config.json", "/metrics.json", "/admin/metrics.json", "/admin/metrics", "/delegator", "/delegator.json", "/logging", "/help");

    private static readonly FrozenSet<string> ControlPaths = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "/admin/shutdown", "/logging.json");

    private readonly AdminSecurityConfig _config;
    private readonly Regex[] _whitelist;
    private readonly Regex[] _blacklist;

    public AdminSecurity(AdminSecurityConfig config)
    {
        _config = config;
        _whitelist = [.. config.PathWhitelist.Select(AdminSecurityConfig.WholePath)];
        _blacklist = [.. config.PathBlacklist.Select(AdminSecurityConfig.WholePath)];
    }

    public static AdminCategory Categorize(string path) =>
        UiPaths.Contains(path) || path.StartsWith("/files/", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/admin/files/", StringComparison.OrdinalIgnoreCase)
            ? AdminCategory.Ui
            : ControlPaths.Contains(path) ? AdminCategory.Control : AdminCategory.Diagnostics;

    /// <summary>Whether a request for <paramref name="path"/> (without the query) may reach its endpoint.</summary>
    public bool Allows(string path)
    {
        // Routing ignores one trailing slash, so `/admin/shutdown/` must be judged as `/admin/shutdown`.
        var judged = path.Length > 1 && path.EndsWith('/') ? path[..^1] : path.Length == 0 ? "/" : path;
        try
        {
            return Enabled(Categorize(judged)) ? !Matches(_blacklist, judged) : Matches(_whitelist, judged);
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // a pattern too slow to decide refuses rather than admits
        }
    }

    /// <summary>The middleware: refused paths answer an empty 404, as Linkerd's filter does.</summary>
    public Task Filter(HttpContext context, RequestDelegate next)
    {
        if (Allows(context.Request.Path.Value ?? "/"))
        {
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private bool Enabled(AdminCategory category) => category switch
    {
        AdminCategory.Ui => _config.UiEnabled,
        AdminCategory.Control => _config.ControlEnabled,
        _ => _config.DiagnosticsEnabled,
    };

    private static bool Matches(Regex[] patterns, string path) => Array.Exists(patterns, p => p.IsMatch(path));
}

namespace Tracery.Mesh.Routing;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

/// <summary>
/// Turns an <c>http_proxy</c>-style request (<c>GET http://hello/path HTTP/1.1</c>) into origin form with
/// <c>Host: hello</c>, as Linkerd's <c>ProxyRewriteFilter</c> does. Kestrel already splits the absolute target
/// into path and query; what must be made certain is that Host names the target's authority, because the
/// identifier reads Host and a client may have sent a different one.
/// </summary>
public static class ProxyRewrite
{
    public static void Apply(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null || raw.Length == 0 || raw[0] == '/' || AlreadyNamesHost(raw, context.Request.Host)
            || !Uri.TryCreate(raw, UriKind.Absolute, out var target))
        {
            return;
        }
        if (target.Scheme is not ("http" or "https"))
        {
            return;
        }
        context.Request.Host = new HostString(target.Authority);
    }

    /// <summary>
    /// True when the target is <c>http://&lt;Host&gt;/…</c> for the Host already sent, as a proxy client sends it: the
    /// common case, checked without parsing a <see cref="Uri"/> per request.
    /// </summary>
    private static bool AlreadyNamesHost(string raw, HostString host)
    {
        const string scheme = "http://";
        if (!host.HasValue || !raw.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = raw.AsSpan(scheme.Length);
        var end = rest.IndexOfAny('/', '?', '#');
        var authority = end < 0 ? rest : rest[..end];
        return authority.Length > 0 && authority.IndexOf('@') < 0 && authority.Equals(host.Value, StringComparison.OrdinalIgnoreCase);
    }
}

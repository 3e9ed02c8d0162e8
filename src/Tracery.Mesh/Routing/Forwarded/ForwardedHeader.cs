namespace Tracery.Mesh.Routing.Forwarded;

using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

/// <summary>
/// A server's <c>addForwardedHeader</c>: appends <c>Forwarded: by=…;for=…;host=…;proto=…</c> (RFC 7239) to each
/// request as it is received, keeping any <c>Forwarded</c> entries earlier proxies added. <c>host</c> is the Host
/// the client sent; <c>proto</c> the scheme of an absolute-form (<c>http_proxy</c>) request target.
/// </summary>
public sealed class ForwardedHeader(IForwardedLabeler by, IForwardedLabeler @for)
{
    public const string Unknown = "unknown";

    public const string Name = "Forwarded";

    /// <summary>Call before the proxy rewrite, which replaces Host and loses the absolute form.</summary>
    public void Append(HttpContext context)
    {
        var connection = context.Connection;
        var value = new StringBuilder(96)
            .Append("by=").Append(by.Label(connection.LocalIpAddress, connection.LocalPort, connection.Id))
            .Append(";for=").Append(@for.Label(connection.RemoteIpAddress, connection.RemotePort, connection.Id));
        if (context.Request.Headers.Host.ToString() is { Length: > 0 } host)
        {
            value.Append(";host=").Append(Quoted(host));
        }
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (target is { Length: > 0 } && target[0] != '/' && Uri.TryCreate(target, UriKind.Absolute, out var uri))
        {
            value.Append(";proto=").Append(uri.Scheme);
        }
        context.Request.Headers.Append(Name, value.ToString());
    }

    /// <summary>RFC 7239 values that are not tokens (a <c>host:port</c>) are quoted strings.</summary>
    private static string Quoted(string value) =>
        value.AsSpan().IndexOfAnyExcept(TokenCharacters) < 0 ? value : $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private static readonly System.Buffers.SearchValues<char> TokenCharacters =
        System.Buffers.SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
}

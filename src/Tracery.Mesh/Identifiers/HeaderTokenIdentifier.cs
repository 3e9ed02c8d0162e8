namespace Tracery.Mesh.Identifiers;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Naming;

/// <summary>
/// <c>io.l5d.header.token</c>, the default: <c>&lt;dstPrefix&gt;/&lt;header value&gt;</c>, the value as ONE
/// segment even if it holds <c>/</c> or <c>:</c> (so <c>Host: hello</c> is <c>/svc/hello</c>).
/// </summary>
public sealed class HeaderTokenIdentifier(NamePath dstPrefix, string header = "Host") : IIdentifier
{
    public Identification Identify(HttpRequest request)
    {
        string? value = request.Headers[header];
        return string.IsNullOrEmpty(value)
            ? Identification.Unidentified($"{header} header is absent")
            : Identification.Found(dstPrefix.Append(value));
    }
}

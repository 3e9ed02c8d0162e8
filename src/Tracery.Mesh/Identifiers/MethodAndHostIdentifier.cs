namespace Tracery.Mesh.Identifiers;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Naming;

/// <summary>
/// <c>io.l5d.methodAndHost</c>: <c>/&lt;pfx&gt;/1.1/&lt;METHOD&gt;/&lt;host, lower-cased&gt;</c> for HTTP/1.1 (and
/// later), <c>/&lt;pfx&gt;/1.0/&lt;METHOD&gt;</c> for HTTP/1.0, followed by the URI's path segments when
/// <c>httpUriInDst</c> is set. HTTP/1.1 without a Host is unidentified.
/// </summary>
public sealed class MethodAndHostIdentifier(NamePath dstPrefix, bool httpUriInDst = false) : IIdentifier
{
    public Identification Identify(HttpRequest request)
    {
        NamePath path;
        if (request.Protocol == HttpProtocol.Http10)
        {
            path = dstPrefix.Append("1.0").Append(request.Method);
        }
        else
        {
            string? host = request.Headers.Host;
            if (string.IsNullOrEmpty(host))
            {
                return Identification.Unidentified("Host header is absent");
            }

            path = dstPrefix.Append("1.1").Append(request.Method).Append(host.ToLowerInvariant());
        }

        return Identification.Found(httpUriInDst ? path.Concat(RequestPath.Segments(request)) : path);
    }
}

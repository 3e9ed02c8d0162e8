namespace Tracery.Mesh.Identifiers;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Naming;

/// <summary><c>io.l5d.header</c>: the header's value read as a path (<c>l5d-name: /hello/v2</c>), after <c>&lt;dstPrefix&gt;</c>.</summary>
public sealed class HeaderPathIdentifier(NamePath dstPrefix, string header = "l5d-name") : IIdentifier
{
    public Identification Identify(HttpRequest request)
    {
        string? value = request.Headers[header];
        if (string.IsNullOrEmpty(value))
        {
            return Identification.Unidentified($"{header} header is absent");
        }

        try
        {
            return Identification.Found(dstPrefix.Concat(NamePath.Parse(value)));
        }
        catch (FormatException e)
        {
            return Identification.Unidentified($"{header} header '{value}' is not a path: {e.Message.Split('\n')[0]}");
        }
    }
}

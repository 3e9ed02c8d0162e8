namespace Tracery.Mesh.Identifiers;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Naming;

/// <summary>Names the destination of a request, for example <c>/svc/hello</c> from its Host header.</summary>
public interface IIdentifier
{
    Identification Identify(HttpRequest request);
}

/// <summary>The destination path, or why the request could not be identified (Linkerd answers 400).</summary>
public readonly record struct Identification(NamePath? Path, string? Error)
{
    public static Identification Found(NamePath path) => new(path, null);

    public static Identification Unidentified(string error) => new(null, error);
}

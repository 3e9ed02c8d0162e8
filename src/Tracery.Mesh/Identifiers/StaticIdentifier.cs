namespace Tracery.Mesh.Identifiers;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Naming;

/// <summary><c>io.l5d.static</c>: every request goes to <c>&lt;dstPrefix&gt;</c> + the configured path.</summary>
public sealed class StaticIdentifier(NamePath dstPrefix, NamePath path) : IIdentifier
{
    private readonly Identification found = Identification.Found(dstPrefix.Concat(path));

    public Identification Identify(HttpRequest request) => found;
}

namespace Tracery.Mesh.Identifiers;

using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Naming;

/// <summary>The request URI's path as name segments: empty segments dropped, query not included.</summary>
internal static class RequestPath
{
    public static NamePath Segments(HttpRequest request) =>
        new(request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray() ?? []);
}

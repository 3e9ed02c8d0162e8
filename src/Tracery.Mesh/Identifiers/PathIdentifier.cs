namespace Tracery.Mesh.Identifiers;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Naming;

/// <summary>
/// <c>io.l5d.path</c>: <c>&lt;dstPrefix&gt;</c> + the first <c>segments</c> segments of the URI path. With
/// <c>consume</c>, those segments are removed from the request's path before it is forwarded.
/// </summary>
public sealed class PathIdentifier(NamePath dstPrefix, int segments = 1, bool consume = false) : IIdentifier
{
    public Identification Identify(HttpRequest request)
    {
        var path = RequestPath.Segments(request);
        if (path.Count < segments)
        {
            return Identification.Unidentified($"{request.Path} has fewer than {segments} path segments");
        }

        if (consume)
        {
            var rest = path.Drop(segments);
            request.Path = new PathString(rest.IsEmpty ? "/" : "/" + string.Join('/', rest.Segments));
        }

        return Identification.Found(dstPrefix.Concat(path.Take(segments)));
    }
}

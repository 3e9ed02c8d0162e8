namespace Tracery.Mesh.Routing;

using Microsoft.Extensions.Primitives;

/// <summary>
/// Counts the hops a request has taken from its <c>Via</c> entries (every proxy appends one), which is how
/// Linkerd's <c>maxCallDepth</c> breaks routing loops before they exhaust the mesh.
/// </summary>
public static class CallDepth
{
    /// <summary>The entry this proxy appends; Linkerd's own text, so mixed Linkerd/Tracery meshes count alike.</summary>
    public const string ViaEntry = "1.1 linkerd";

    public static int Count(StringValues via)
    {
        var count = 0;
        foreach (var value in via)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                count++;
            }
        }
        return count;
    }

    public static string Append(StringValues via) =>
        via.Count == 0 || string.IsNullOrWhiteSpace(via.ToString()) ? ViaEntry : $"{via}, {ViaEntry}";
}

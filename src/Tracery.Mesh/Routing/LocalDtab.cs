namespace Tracery.Mesh.Routing;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Naming;

/// <summary>
/// The per-request dtab override: <c>l5d-ctx-dtab</c> (from upstream proxies) then <c>l5d-dtab</c> (from the
/// caller), later entries winning. <see cref="Text"/> is what is forwarded on as <c>l5d-ctx-dtab</c>.
/// </summary>
public sealed record LocalDtab(Dtab Dtab, string? Text, ErrorResponse? Error)
{
    /// <summary>No override: what nearly every request carries, so it is one shared instance.</summary>
    public static readonly LocalDtab None = new(Dtab.Empty, null, null);

    public static LocalDtab FromHeaders(IHeaderDictionary headers)
    {
        if (!headers.ContainsKey(MeshHeaders.CtxDtab) && !headers.ContainsKey(MeshHeaders.Dtab))
        {
            return None;
        }

        var parts = new List<string>();
        foreach (var header in new[] { MeshHeaders.CtxDtab, MeshHeaders.Dtab })
        {
            var value = headers[header].ToString().Trim();
            if (value.Length == 0)
            {
                continue;
            }
            try
            {
                Dtab.Parse(value);
            }
            catch (FormatException ex)
            {
                return new LocalDtab(Dtab.Empty, null, RouterErrors.BadDtab(header, value, ex.Message));
            }
            parts.Add(value.TrimEnd(';'));
        }
        if (parts.Count == 0)
        {
            return None;
        }
        var text = string.Join(";", parts);
        return new LocalDtab(Dtab.Parse(text), text, null);
    }
}

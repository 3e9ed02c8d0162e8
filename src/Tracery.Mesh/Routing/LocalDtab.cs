namespace Tracery.Mesh.Routing;

using Microsoft.AspNetCore.Http;
using Tracery.Mesh.Naming;

/// <summary>
/// The per-request dtab override: <c>l5d-ctx-dtab</c> (from upstream proxies) then <c>l5d-dtab</c> (from the
/// caller), later entries winning. <see cref="Text"/> is what is forwarded on as <c>l5d-ctx-dtab</c>.
/// </summary>
public sealed record LocalDtab(Dtab Dtab, string? Text, ErrorResponse? Error)
{
    public static LocalDtab FromHeaders(IHeaderDictionary headers)
    {
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
            return new LocalDtab(Dtab.Empty, null, null);
        }
        var text = string.Join(";", parts);
        return new LocalDtab(Dtab.Parse(text), text, null);
    }
}

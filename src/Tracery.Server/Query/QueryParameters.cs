namespace Tracery.Server.Query;

using System.Globalization;
using Microsoft.AspNetCore.Http;

/// <summary>Reads query-string parameters; a malformed value is an <see cref="ArgumentException"/> (a 400).</summary>
public static class QueryParameters
{
    public static string? String(HttpRequest request, string name)
    {
        var value = request.Query[name];
        return value.Count == 0 ? null : value.ToString();
    }

    public static string Required(HttpRequest request, string name) =>
        String(request, name) ?? throw new ArgumentException($"{name} parameter is required");

    public static long? Long(HttpRequest request, string name)
    {
        var value = String(request, name);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name} should be a whole number, not \"{value}\"");
    }
}

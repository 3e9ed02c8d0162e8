namespace Tracery.Server.Query;

/// <summary>
/// Parses <c>annotationQuery</c> as Zipkin's <c>QueryRequest.parseAnnotationQuery</c>: terms joined by
/// " and "; <c>key=value</c> is a tag constraint; a bare term (or <c>key=</c>) asks that an annotation
/// value or tag key be present, and does not replace a constraint already given for that key.
/// </summary>
public static class AnnotationQueryParser
{
    private const int MaxTerms = 100;

    public static IReadOnlyDictionary<string, string> Parse(string? query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(query))
        {
            return result;
        }
        foreach (var term in query.Split(" and ", MaxTerms))
        {
            var equals = term.IndexOf('=');
            if (equals < 0)
            {
                var key = term.Trim();
                if (key.Length > 0)
                {
                    result.TryAdd(key, "");
                }
                continue;
            }
            var tagKey = term[..equals].Trim();
            var value = term[(equals + 1)..].Trim();
            if (tagKey.Length == 0)
            {
                continue;
            }
            if (value.Length == 0)
            {
                result.TryAdd(tagKey, "");
            }
            else
            {
                result[tagKey] = value;
            }
        }
        return result;
    }
}

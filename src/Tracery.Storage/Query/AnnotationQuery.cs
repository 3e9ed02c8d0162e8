namespace Tracery.Storage.Query;

/// <summary>Parses the <c>annotationQuery</c> parameter as Zipkin does (§1.2).</summary>
public static class AnnotationQuery
{
    const int MaxTerms = 100;

    /// <summary>
    /// "error and http.method=GET" becomes {error: "", http.method: "GET"}. A bare term never replaces
    /// a tag already given for that key (it is less specific); for repeated tags the last one wins.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Parse(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text)) return result;
        // Java's split(" and ", 100): the 100th term keeps the rest of the text.
        foreach (var term in text.Split(" and ", MaxTerms))
        {
            var equals = term.IndexOf('=');
            if (equals < 0)
            {
                result.TryAdd(term.Trim(), "");
            }
            else
            {
                result[term[..equals].Trim()] = term[(equals + 1)..].Trim();
            }
        }
        return result;
    }
}

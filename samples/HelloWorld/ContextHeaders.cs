namespace HelloWorld;

using Microsoft.AspNetCore.Http;

/// <summary>
/// The headers an app must copy from the request it serves to the requests it makes, so the mesh
/// can join both into one trace and keep the request's routing overrides: Linkerd's context
/// (<c>l5d-ctx-*</c>, <c>l5d-dtab</c>, <c>dtab-local</c>), Zipkin's B3 (<c>x-b3-*</c>, <c>b3</c>) and
/// W3C trace context (<c>traceparent</c>, <c>tracestate</c>).
/// </summary>
public static class ContextHeaders
{
    private static readonly string[] Prefixes = ["l5d-ctx-", "x-b3-"];
    private static readonly string[] Names = ["l5d-dtab", "dtab-local", "b3", "traceparent", "tracestate"];

    public static bool IsContextHeader(string name) =>
        Prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))
        || Names.Any(n => name.Equals(n, StringComparison.OrdinalIgnoreCase));

    /// <summary>Copies every context header of <paramref name="incoming"/> onto <paramref name="outgoing"/>.</summary>
    public static void Forward(IHeaderDictionary incoming, HttpRequestMessage outgoing)
    {
        foreach (var (name, values) in incoming)
        {
            if (IsContextHeader(name))
            {
                outgoing.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
    }
}

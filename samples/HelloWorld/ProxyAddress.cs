namespace HelloWorld;

/// <summary>
/// Reads an <c>http_proxy</c> value. The tutorial's manifest sets it without a scheme
/// (<c>$(NODE_NAME):4140</c>), curl users with one (<c>http://host:4140</c>); both mean the same proxy.
/// </summary>
public static class ProxyAddress
{
    public static Uri Parse(string value)
    {
        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.Host.Length == 0)
        {
            throw new ArgumentException($"http_proxy '{value}' is not a proxy address like 127.0.0.2:4140 or http://127.0.0.2:4140", nameof(value));
        }
        return uri;
    }
}

namespace Tracery.Server.Ui;

using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.StaticFiles;

/// <summary>
/// The UI files embedded in this assembly (the csproj embeds wwwroot/** as <c>wwwroot/&lt;path&gt;</c>),
/// read once at start-up: the whole UI is a few hundred kilobytes, so serving from memory is simplest.
/// </summary>
public sealed class EmbeddedUiAssets : IUiAssets
{
    private const string Prefix = "wwwroot/";
    private const string BaseTag = "<base href=\"/zipkin/\">";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly Dictionary<string, UiAsset> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UiAsset> _indexByBase = new(StringComparer.Ordinal);

    public EmbeddedUiAssets() : this(typeof(EmbeddedUiAssets).Assembly) { }

    public EmbeddedUiAssets(Assembly assembly)
    {
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var path = name[Prefix.Length..].Replace('\\', '/');
            _files[path] = Create(path, buffer.ToArray());
        }
        if (!_files.TryGetValue("index.html", out var index))
            throw new InvalidOperationException("The UI's index.html is not embedded in " + assembly.GetName().Name);
        var html = Encoding.UTF8.GetString(index.Content.Span);
        if (!html.Contains(BaseTag, StringComparison.Ordinal))
            throw new InvalidOperationException("index.html must contain " + BaseTag + " so the base path can be set");
        foreach (var basePath in new[] { "/", "/zipkin/" })
            _indexByBase[basePath] = Create("index.html", Encoding.UTF8.GetBytes(html.Replace(BaseTag, $"<base href=\"{basePath}\">", StringComparison.Ordinal)));
    }

    public UiAsset? Find(string path) => _files.GetValueOrDefault(path);

    public UiAsset Index(string basePath) =>
        _indexByBase.TryGetValue(basePath, out var index)
            ? index
            : throw new ArgumentException($"base path must be / or /zipkin/, not '{basePath}'", nameof(basePath));

    private static UiAsset Create(string path, byte[] content)
    {
        if (!ContentTypes.TryGetContentType(path, out var type)) type = "application/octet-stream";
        // JavaScript modules must be served as JavaScript; text gets an explicit charset.
        if (path.EndsWith(".js", StringComparison.Ordinal)) type = "text/javascript";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "image/svg+xml") type += "; charset=utf-8";
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..20] + "\"";
        return new UiAsset(path, content, type, etag);
    }
}

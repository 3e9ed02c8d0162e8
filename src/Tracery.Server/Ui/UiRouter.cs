namespace Tracery.Server.Ui;

/// <summary>
/// Maps a request path to a UI file. The UI is mounted twice, at <c>/</c> (what the tutorial's
/// <c>/?serviceName=…</c> link opens) and at <c>/zipkin/</c> (Zipkin's address); paths without a file
/// extension are pages of the single-page app (<c>traces/{id}</c>, <c>dependency</c>, …) and get index.html.
/// </summary>
public sealed class UiRouter(IUiAssets assets)
{
    private const string ZipkinBase = "/zipkin/";

    public UiRoute Resolve(string path)
    {
        if (path == "/zipkin") return new UiRoute.Redirect(ZipkinBase);
        var basePath = path.StartsWith(ZipkinBase, StringComparison.Ordinal) ? ZipkinBase : "/";
        var relative = path[basePath.Length..];
        // API paths never fall back to the page: a wrong API URL must read as 404, not as HTML.
        if (relative.StartsWith("api/", StringComparison.Ordinal) || relative == "api") return new UiRoute.NotFound();
        if (relative is "" or "index.html") return new UiRoute.File(assets.Index(basePath));
        if (assets.Find(relative) is { } asset) return new UiRoute.File(asset);
        var lastSegment = relative[(relative.LastIndexOf('/') + 1)..];
        return lastSegment.Contains('.') ? new UiRoute.NotFound() : new UiRoute.File(assets.Index(basePath));
    }
}

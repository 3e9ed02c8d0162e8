namespace Tracery.Server.Tests.Ui;

using System.Text;
using Tracery.Server.Ui;

public sealed class UiRouterTests
{
    private static readonly EmbeddedUiAssets Assets = new();
    private readonly UiRouter router = new(Assets);

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/index.html", "/")]
    [InlineData("/traces/1e223ff1f80f1c69", "/")]
    [InlineData("/dependency", "/")]
    [InlineData("/zipkin/", "/zipkin/")]
    [InlineData("/zipkin/traces/1e223ff1f80f1c69", "/zipkin/")]
    [InlineData("/zipkin/dependency", "/zipkin/")]
    [InlineData("/zipkin/traceViewer", "/zipkin/")]
    public void PagesOfTheAppGetIndexWithTheirBase(string path, string expectedBase)
    {
        var file = Assert.IsType<UiRoute.File>(router.Resolve(path));
        Assert.Equal("index.html", file.Asset.Path);
        Assert.Contains($"<base href=\"{expectedBase}\">", Encoding.UTF8.GetString(file.Asset.Content.Span));
    }

    [Theory]
    [InlineData("/js/app.js", "text/javascript; charset=utf-8")]
    [InlineData("/zipkin/js/app.js", "text/javascript; charset=utf-8")]
    [InlineData("/css/app.css", "text/css; charset=utf-8")]
    [InlineData("/zipkin/favicon.svg", "image/svg+xml; charset=utf-8")]
    public void AssetsAreServedAtBothBasesWithTheirContentType(string path, string contentType)
    {
        var file = Assert.IsType<UiRoute.File>(router.Resolve(path));
        Assert.Equal(contentType, file.Asset.ContentType);
        Assert.NotEqual(0, file.Asset.Content.Length);
    }

    [Fact]
    public void ZipkinWithoutSlashRedirects() =>
        Assert.Equal("/zipkin/", Assert.IsType<UiRoute.Redirect>(router.Resolve("/zipkin")).Location);

    [Theory]
    [InlineData("/api/v2/unknown")]
    [InlineData("/zipkin/api/v2/unknown")]
    [InlineData("/missing.png")]
    [InlineData("/zipkin/js/missing.js")]
    public void UnknownFilesAndApiPathsAreNotFound(string path) =>
        Assert.IsType<UiRoute.NotFound>(router.Resolve(path));

    [Fact]
    public void AnUnknownBasePathIsRefusedByName()
    {
        var error = Assert.Throws<ArgumentException>(() => Assets.Index("/other/"));
        Assert.Contains("/other/", error.Message);
    }
}

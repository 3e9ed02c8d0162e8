namespace Tracery.Server.Tests.Ui;

using Microsoft.Playwright;

/// <summary>A browser tab on the UI that records uncaught script errors, and saves screenshots as test output.</summary>
public sealed class UiPage : IAsyncDisposable
{
    private readonly List<string> errors = [];

    public UiPage(IPage page)
    {
        Page = page;
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
    }

    public IPage Page { get; }

    public ILocator Locator(string selector) => Page.Locator(selector);

    public void AssertNoScriptErrors() => Assert.Empty(errors);

    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(TraceUiFixture.ScreenshotDirectory);
        var path = Path.Combine(TraceUiFixture.ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}

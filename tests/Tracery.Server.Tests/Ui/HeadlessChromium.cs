namespace Tracery.Server.Tests.Ui;

using Microsoft.Playwright;

/// <summary>
/// Debian's chromium driven by Playwright. Playwright's own browser download does not work here, so the
/// system browser is required: a missing one fails the tests with the fix, never skips them.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static string ExecutablePath()
    {
        var path = Environment.GetEnvironmentVariable("TRACERY_TEST_CHROMIUM") is { Length: > 0 } fromEnv ? fromEnv : "/usr/bin/chromium";
        if (!File.Exists(path))
            throw new InvalidOperationException($"The UI tests need Chromium at {path}: install it with `apt-get install -y chromium`, or set TRACERY_TEST_CHROMIUM to its path.");
        return path;
    }

    /// <summary>A browser with a fresh profile directory, deleted by <paramref name="profile"/>'s owner.</summary>
    public static Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string profile) =>
        playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath(),
            Headless = true,
            Args = Args,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            AcceptDownloads = true,
        });
}

namespace Tracery.Server.Tests.Ui;

using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Tracery.Server.Hosting;
using Tracery.Storage.Memory;

/// <summary>
/// One real trace server on 127.0.0.1:0 holding every Zipkin Lens fixture plus a synthetic mesh trace, and
/// one headless Chromium, shared by the browser tests (<see cref="TraceUiCollection"/>).
/// The fixtures keep their original (2016-2019) timestamps: the UI is tested on the data exactly as
/// recorded, and searches use a custom range (<see cref="FixtureRange"/>) that covers them. The mesh trace
/// is stamped now, so the tutorial's plain <c>/?serviceName=0.0.0.0%2F4140</c> finds it with the default lookback.
/// </summary>
public sealed class TraceUiFixture : IAsyncLifetime
{
    private readonly string profile = Path.Combine(Path.GetTempPath(), "tracery-ui-" + Guid.NewGuid().ToString("N"));
    private TraceServer? server;
    private IPlaywright? playwright;
    private IBrowserContext? browser;

    public Uri BaseAddress => server!.BaseAddress;

    /// <summary>Trace id of each fixture file, by file name without extension.</summary>
    public Dictionary<string, string> TraceIds { get; } = [];

    /// <summary>Epoch milliseconds: a day before the oldest fixture span to a day after the newest.</summary>
    public (long Start, long End) FixtureRange { get; private set; }

    /// <summary>Where screenshots go: $TRACERY_TEST_SCREENSHOTS, else $TRACERY_TEST_RESULTS/screenshots, else TestResults/screenshots beside the tests.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("TRACERY_TEST_SCREENSHOTS") is { Length: > 0 } dir ? dir
        : Environment.GetEnvironmentVariable("TRACERY_TEST_RESULTS") is { Length: > 0 } results ? Path.Combine(results, "screenshots")
        : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        // Fail before starting anything when the browser is missing, with the message that says how to fix it.
        HeadlessChromium.ExecutablePath();
        server = await TraceServer.StartAsync(new TraceServerOptions
        {
            HttpEndpoint = new IPEndPoint(IPAddress.Loopback, 0),
            ScribeEnabled = false,
            StoreFactory = _ => new MemorySpanStore(),
        }, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = BaseAddress };
        long min = long.MaxValue, max = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "zipkin-lens"), "*.json"))
        {
            var json = await File.ReadAllTextAsync(file);
            var spans = JsonNode.Parse(json)!.AsArray();
            foreach (var ts in spans.Select(s => s!["timestamp"]?.GetValue<long>()).OfType<long>())
            {
                min = Math.Min(min, ts / 1000);
                max = Math.Max(max, ts / 1000);
            }
            var id = TraceIdOf(spans[0]!["traceId"]!.GetValue<string>());
            TraceIds[Path.GetFileNameWithoutExtension(file)] = id;
            await PostAsync(http, json, id);
        }
        FixtureRange = (min - 86_400_000, max + 86_400_000);
        var mesh = MeshTrace.Create(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000 - 2_000_000);
        await PostAsync(http, mesh.ToJsonString(), MeshTrace.TraceId);

        playwright = await Playwright.CreateAsync();
        browser = await HeadlessChromium.LaunchAsync(playwright, profile);
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A new tab; any uncaught script error in it fails the test that asks for <see cref="UiPage.AssertNoScriptErrors"/>.</summary>
    public async Task<UiPage> OpenAsync(string path)
    {
        var page = await browser!.NewPageAsync();
        var ui = new UiPage(page);
        await page.GotoAsync(new Uri(BaseAddress, path).ToString());
        return ui;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
        if (server is not null) await server.DisposeAsync();
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { /* chromium may still hold a lock file */ }
    }

    private static string TraceIdOf(string raw)
    {
        var id = raw.ToLowerInvariant();
        return id.Length == 32 && id.StartsWith("0000000000000000", StringComparison.Ordinal) ? id[16..] : id;
    }

    /// <summary>Posts a trace and waits until the store returns it (the collector answers 202 before storing).</summary>
    private static async Task PostAsync(HttpClient http, string json, string traceId)
    {
        using var response = await http.PostAsync("/api/v2/spans", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var get = await http.GetAsync("/api/v2/trace/" + traceId);
            if (get.IsSuccessStatusCode && JsonDocument.Parse(await get.Content.ReadAsStringAsync()).RootElement.GetArrayLength() > 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"trace {traceId} was not stored within 15 s of posting it");
            await Task.Delay(50);
        }
    }
}

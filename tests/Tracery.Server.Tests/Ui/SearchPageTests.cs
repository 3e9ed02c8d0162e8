namespace Tracery.Server.Tests.Ui;

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>Search, addresses, find-by-id and the dependency graph in headless Chromium against a real trace server.</summary>
[Collection(TraceUiCollection.Name)]
public sealed class SearchPageTests(TraceUiFixture ui)
{
    private string Range => $"lookback=custom&startTs={ui.FixtureRange.Start}&endTs={ui.FixtureRange.End}";

    [Fact]
    public async Task SearchFindsTracesByService()
    {
        await using var page = await ui.OpenAsync($"/zipkin/?serviceName=servicea&{Range}&limit=50");
        var results = page.Locator("#results > li");
        await Expect(page.Locator($"#results > li[data-trace-id='{ui.TraceIds["skew"]}']")).ToHaveCountAsync(1);
        foreach (var result in await results.AllAsync())
            await Expect(result.Locator(".services")).ToContainTextAsync("servicea");
        await Expect(page.Locator("#f-service")).ToHaveValueAsync("servicea");
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task TheSearchFormFindsByTagAndPutsTheQueryInTheAddress()
    {
        await using var page = await ui.OpenAsync($"/zipkin/?{Range}&limit=50");
        await Expect(page.Locator("#results > li").First).ToBeVisibleAsync();
        await page.Locator("#f-tags").FillAsync("pusher.eventType=INSTALLED_APP_LIFECYCLE_EVENT");
        await page.Locator("#search-form button[type=submit]").ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex("annotationQuery=pusher.eventType%3DINSTALLED_APP_LIFECYCLE_EVENT"));
        var results = page.Locator("#results > li");
        await Expect(results).ToHaveCountAsync(1);
        await Expect(results.First).ToHaveAttributeAsync("data-trace-id", ui.TraceIds["smartthings-mobile-web-install"]);
        await Expect(results.First).ToContainTextAsync("1041 spans");
        await Expect(results.First.Locator(".badge.critical")).ToHaveCountAsync(1);
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task ResultsSortByDuration()
    {
        await using var page = await ui.OpenAsync($"/zipkin/?{Range}&limit=50&sort=longest");
        await Expect(page.Locator("#results > li").First).ToHaveAttributeAsync("data-trace-id", ui.TraceIds["smartthings-mobile-web-install"]);
        await page.Locator("#f-sort").SelectOptionAsync("shortest");
        await Expect(page.Page).ToHaveURLAsync(new Regex("sort=shortest"));
        await Expect(page.Locator("#results > li").Last).ToHaveAttributeAsync("data-trace-id", ui.TraceIds["smartthings-mobile-web-install"]);
        await page.ScreenshotAsync("search-results");
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task TheTutorialsAddressFindsTheMeshTraceAndOpensIt()
    {
        await using var page = await ui.OpenAsync("/?serviceName=0.0.0.0%2F4140");
        var result = page.Locator($"#results > li[data-trace-id='{MeshTrace.TraceId}']");
        await Expect(result).ToHaveCountAsync(1);
        await result.Locator("a").ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new Regex($"/traces/{MeshTrace.TraceId}$"));
        await Expect(page.Locator(".rows > .row")).ToHaveCountAsync(4);
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task FindByTraceIdOpensZipkinsTraceAddress()
    {
        await using var page = await ui.OpenAsync("/zipkin/");
        await page.Locator("#trace-id-input").FillAsync(ui.TraceIds["envoy"].ToUpperInvariant());
        await page.Locator("#trace-id-input").PressAsync("Enter");
        await Expect(page.Page).ToHaveURLAsync(new Regex($"/zipkin/traces/{ui.TraceIds["envoy"]}$"));
        await Expect(page.Locator(".rows > .row")).ToHaveCountAsync(1);
        await page.Page.ReloadAsync();
        await Expect(page.Locator(".rows > .row")).ToHaveCountAsync(1);
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task AnUnknownTraceSaysSo()
    {
        await using var page = await ui.OpenAsync("/zipkin/traces/00000000000000ff");
        await Expect(page.Locator("main [role=alert]")).ToContainTextAsync("00000000000000ff was not found");
    }

    [Fact]
    public async Task TheDependencyGraphShowsTheLinks()
    {
        await using var page = await ui.OpenAsync($"/zipkin/dependency?startTime={ui.FixtureRange.Start}&endTime={ui.FixtureRange.End}");
        await Expect(page.Locator("svg.graph .edge[data-parent='servicea'][data-child='serviceb']")).ToHaveCountAsync(1);
        await Expect(page.Locator("svg.graph .edge[data-parent='servicea'][data-child='serviceb'] text")).ToContainTextAsync("call");
        await Expect(page.Locator("table.links tbody tr[data-parent='servicea'][data-child='serviceb']")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("svg.graph .node").CountAsync() >= 10);
        await page.Locator("svg.graph .node[data-name='servicea']").ClickAsync();
        await Expect(page.Locator(".node-detail")).ToContainTextAsync("serviceb");
        await page.ScreenshotAsync("dependencies");
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task APhoneWidthNeedsNoSideways()
    {
        await using var page = await ui.OpenAsync($"/zipkin/?{Range}&limit=5");
        await page.Page.SetViewportSizeAsync(390, 844);
        await Expect(page.Locator("#results > li").First).ToBeVisibleAsync();
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the search page scrolls sideways at 390 px");
        await page.Page.GotoAsync(new Uri(ui.BaseAddress, "/zipkin/traces/" + ui.TraceIds["yelp"]).ToString());
        await Expect(page.Locator(".rows > .row").First).ToBeVisibleAsync();
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the trace page scrolls sideways at 390 px");
        await page.ScreenshotAsync("trace-phone");
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task ABadDurationIsNamed()
    {
        await using var page = await ui.OpenAsync("/zipkin/?minDuration=fast");
        await Expect(page.Locator("#result-count")).ToHaveTextAsync("Min duration \"fast\" is not a duration like 100ms, 2s or 500us");
    }

    [Fact]
    public async Task ABadTraceIdIsNamed()
    {
        await using var page = await ui.OpenAsync("/zipkin/");
        await page.Locator("#trace-id-input").FillAsync("not-an-id");
        await page.Locator("#trace-id-input").PressAsync("Enter");
        await Expect(page.Locator("#toast")).ToHaveTextAsync("A trace ID is 1 to 32 hex characters");
        await Expect(page.Page).ToHaveURLAsync(new Regex("/zipkin/$"));
    }

    [Theory]
    [InlineData("broken.json", "{\"traceId\":", "broken.json is not JSON")]
    [InlineData("v1.json", "[{\"traceId\":\"a\",\"id\":\"b\",\"binaryAnnotations\":[]}]", "v1.json is Zipkin v1 JSON (binaryAnnotations)")]
    [InlineData("object.json", "{\"spans\":[]}", "object.json must hold a JSON array of Zipkin v2 spans")]
    public async Task AFileThatIsNotATraceIsNamed(string name, string content, string message)
    {
        await using var page = await ui.OpenAsync("/zipkin/");
        await page.Locator("#json-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(content) });
        await Expect(page.Locator("#toast")).ToContainTextAsync(message);
    }
}

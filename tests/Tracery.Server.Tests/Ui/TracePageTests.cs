namespace Tracery.Server.Tests.Ui;

using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

/// <summary>The trace page in headless Chromium against a real trace server holding the Lens fixtures.</summary>
[Collection(TraceUiCollection.Name)]
public sealed class TracePageTests(TraceUiFixture ui, ITestOutputHelper output)
{
    private const int LargeTraceSpans = 1041;

    /// <summary>
    /// Each attempt is a fresh tab, so each is a first render. Up to five are made because the test machine is
    /// shared: one starved attempt must not fail the build, while a page that is slow every time still does.
    /// </summary>
    [Fact]
    public async Task TheLargeTraceRendersEveryRowWithinOneSecond()
    {
        var times = new List<double>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await using var page = await ui.OpenAsync("/zipkin/traces/" + ui.TraceIds["smartthings-mobile-web-install"]);
            await Expect(page.Locator("#span-count")).ToHaveTextAsync(LargeTraceSpans.ToString(CultureInfo.InvariantCulture));
            var render = await page.Page.EvaluateAsync<JsonElement>("() => window.__traceryRender");
            var ms = render.GetProperty("ms").GetDouble();
            var rows = await page.Locator(".rows > .row").CountAsync();
            var pairs = await page.Locator(".rows > .row.pair").CountAsync();
            output.WriteLine($"attempt {attempt}: first render of {LargeTraceSpans} spans ({rows} rows, {pairs} client+server pairs): {ms:F1} ms"
                + $" (model {render.GetProperty("modelMs").GetDouble():F1}, DOM {render.GetProperty("domMs").GetDouble():F1}, layout {render.GetProperty("layoutMs").GetDouble():F1})");
            // A client span and the server span of the same call share one row, so rows + pairs is every span.
            Assert.Equal(LargeTraceSpans, rows + pairs);
            Assert.Equal(rows, render.GetProperty("rows").GetInt32());
            page.AssertNoScriptErrors();
            times.Add(ms);
            if (ms <= 1000)
            {
                await page.ScreenshotAsync("trace-large");
                return;
            }
        }
        Assert.Fail($"the first render of the {LargeTraceSpans}-span trace took over 1 s in every attempt: {string.Join(", ", times.Select(t => $"{t:F0} ms"))}");
    }

    [Fact]
    public async Task TheSpanPanelShowsTagsOfASpanFoundByText()
    {
        await using var page = await ui.OpenAsync("/zipkin/traces/" + ui.TraceIds["smartthings-mobile-web-install"]);
        await page.Locator("#find-input").FillAsync("process.archiver");
        await page.Locator("#find-input").PressAsync("Enter");
        var detail = page.Locator("#detail");
        await Expect(detail).ToBeVisibleAsync();
        await Expect(detail.Locator("table.tags")).ToContainTextAsync("pusher.eventType");
        await Expect(detail.Locator("table.tags")).ToContainTextAsync("INSTALLED_APP_LIFECYCLE_EVENT");
        await Expect(detail).ToContainTextAsync("017bfc73a014d42c");
        await Expect(detail.Locator("details.raw pre")).ToContainTextAsync("\"pusher.timeInKafka\"");
        await page.ScreenshotAsync("trace-span-detail");
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task ClockSkewIsCorrectedSoNoChildStartsBeforeItsParent()
    {
        await using var page = await ui.OpenAsync("/zipkin/traces/" + ui.TraceIds["skew"]);
        await Expect(page.Locator(".rows > .row")).ToHaveCountAsync(3);
        var rows = await page.Page.EvalOnSelectorAllAsync<long[][]>(".rows > .row", "rows => rows.map(r => [Number(r.dataset.ts), Number(r.dataset.parent)])");
        // As reported, serviceb's "async" span starts 62 ms before the servicea root that caused it.
        foreach (var row in rows.Where(r => r[1] >= 0))
            Assert.True(row[0] >= rows[row[1]][0], $"a span starting at {row[0]} is drawn before its parent at {rows[row[1]][0]}");
        Assert.Equal(1470150004071068, rows[0][0]);
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task TheMeshViewTotalsRouterTime()
    {
        await using var page = await ui.OpenAsync("/zipkin/traces/" + MeshTrace.TraceId);
        await Expect(page.Locator(".mesh-summary")).ToHaveTextAsync("0.9 ms of 12.3 ms");
        await page.Locator("#tab-mesh").ClickAsync();
        await Expect(page.Locator(".mesh-total")).ToHaveTextAsync("mesh: 0.9 ms of 12.3 ms");
        var hops = page.Locator("table.hops tbody tr");
        await Expect(hops).ToHaveCountAsync(2);
        await Expect(hops.Nth(0).Locator("td.mesh")).ToHaveTextAsync("300μs");
        await Expect(hops.Nth(1).Locator("td.mesh")).ToHaveTextAsync("600μs");
        await Expect(page.Locator(".legend")).ToContainTextAsync("network between routers 0.2 ms");
        await Expect(page.Locator(".legend")).ToContainTextAsync("apps 11.2 ms");
        await page.ScreenshotAsync("trace-mesh-view");
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task AJsonFileOpensWithoutTheServer()
    {
        await using var page = await ui.OpenAsync("/zipkin/");
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "zipkin-lens", "yelp.json");
        await page.Locator("#json-file").SetInputFilesAsync(file);
        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/zipkin/traceViewer$"));
        await Expect(page.Locator(".trace-head")).ToContainTextAsync("yelp.json (not stored)");
        await Expect(page.Locator("#span-count")).ToHaveTextAsync("16");
        page.AssertNoScriptErrors();
    }

    [Fact]
    public async Task RowsWorkByKeyboard()
    {
        await using var page = await ui.OpenAsync("/zipkin/traces/" + ui.TraceIds["yelp"]);
        var first = page.Locator(".rows > .row").First;
        await first.FocusAsync();
        await page.Page.Keyboard.PressAsync("ArrowLeft");
        await Expect(first).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator(".rows > .row:not([hidden])")).ToHaveCountAsync(1);
        await page.Page.Keyboard.PressAsync("ArrowRight");
        await page.Page.Keyboard.PressAsync("ArrowDown");
        await page.Page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#detail")).ToBeVisibleAsync();
        await Expect(page.Locator(".rows > .row").Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await page.Page.Keyboard.PressAsync("Escape");
        page.AssertNoScriptErrors();
    }
}

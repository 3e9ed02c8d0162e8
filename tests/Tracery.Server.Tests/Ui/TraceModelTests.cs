namespace Tracery.Server.Tests.Ui;

using System.Text.Json;

/// <summary>The UI's trace processing (js/model), run as modules in the browser on hand-made spans.</summary>
[Collection(TraceUiCollection.Name)]
public sealed class TraceModelTests(TraceUiFixture ui)
{
    private async Task<JsonElement> RunAsync(string module, string body)
    {
        await using var page = await ui.OpenAsync("/zipkin/dependency");
        var result = await page.Page.EvaluateAsync<JsonElement>($"async () => {{ const m = await import('/zipkin/js/model/{module}'); {body} }}");
        page.AssertNoScriptErrors();
        return result;
    }

    [Fact]
    public async Task ARetryingRoutersClientAttemptsAreAllSubtracted()
    {
        // One outgoing router, two forwarding attempts (1 ms failed, 9 ms succeeded), straight to the app.
        var result = await RunAsync("mesh.js", """
            const { traceModel } = await import('/zipkin/js/model/trace-model.js');
            const ep = { serviceName: '0.0.0.0/4140', ipv4: '127.0.0.2' };
            const spans = [
              { traceId: 'a', id: '1', kind: 'SERVER', name: 'outgoing /svc/x', timestamp: 1000, duration: 10500, localEndpoint: ep, tags: { 'router.label': 'outgoing' } },
              { traceId: 'a', id: '2', parentId: '1', kind: 'CLIENT', name: 'get /', timestamp: 1100, duration: 1000, localEndpoint: { serviceName: 'x', ipv4: '127.0.0.2' } },
              { traceId: 'a', id: '3', parentId: '1', kind: 'CLIENT', name: 'get /', timestamp: 2200, duration: 9000, localEndpoint: { serviceName: 'x', ipv4: '127.0.0.2' } },
            ];
            const b = m.meshBreakdown(traceModel(spans));
            return { hops: b.hops.length, mesh: b.mesh, app: b.app, network: b.network, total: b.total };
            """);
        Assert.Equal(1, result.GetProperty("hops").GetInt32());
        Assert.Equal(500, result.GetProperty("mesh").GetDouble());
        Assert.Equal(10_000, result.GetProperty("app").GetDouble());
        Assert.Equal(0, result.GetProperty("network").GetDouble());
        Assert.Equal(10_500, result.GetProperty("total").GetDouble());
    }

    [Fact]
    public async Task ACallsTwoHalvesStayApartWhileFragmentsOfOneHalfMerge()
    {
        var result = await RunAsync("span-cleaner.js", """
            const spans = m.mergeById([
              { traceId: '000000000000000000000000000000ab', id: 'c', kind: 'CLIENT', name: 'get', timestamp: 10, localEndpoint: { serviceName: 'A' }, annotations: [{ timestamp: 10, value: 'ws' }] },
              { traceId: 'ab', id: 'c', kind: 'CLIENT', duration: 50, localEndpoint: { serviceName: 'a' }, annotations: [{ timestamp: 60, value: 'wr' }] },
              { traceId: 'ab', id: 'c', kind: 'SERVER', name: 'get', timestamp: 20, duration: 30, localEndpoint: { serviceName: 'b' } },
            ]);
            return spans.map(s => ({ traceId: s.traceId, kind: s.kind, shared: !!s.shared, service: s.localEndpoint.serviceName, duration: s.duration ?? 0, annotations: s.annotations.length }));
            """);
        var spans = result.EnumerateArray().ToList();
        Assert.Equal(2, spans.Count);
        var client = spans.Single(s => s.GetProperty("kind").GetString() == "CLIENT");
        var server = spans.Single(s => s.GetProperty("kind").GetString() == "SERVER");
        Assert.Equal("00000000000000ab", client.GetProperty("traceId").GetString());
        Assert.Equal("a", client.GetProperty("service").GetString());
        Assert.Equal(50, client.GetProperty("duration").GetInt32());
        Assert.Equal(2, client.GetProperty("annotations").GetInt32());
        Assert.True(server.GetProperty("shared").GetBoolean());
    }

    [Theory]
    [InlineData("{ maxDuration: '2s', lookback: '1h', limit: '10' }", "Max duration needs a min duration too")]
    [InlineData("{ minDuration: '2s', maxDuration: '1s', lookback: '1h', limit: '10' }", "Max duration is below min duration")]
    [InlineData("{ lookback: '3w', limit: '10' }", "Lookback \"3w\" is not one of")]
    [InlineData("{ lookback: 'custom', startTs: '2000', endTs: '1000', limit: '10' }", "The custom range needs a start before its end")]
    [InlineData("{ lookback: '1h', limit: '0' }", "Limit \"0\" must be a whole number above 0")]
    public async Task ABadSearchIsRefusedNamingTheField(string values, string message)
    {
        var result = await RunAsync("search-query.js", $"try {{ m.toApiQuery({values}); return ''; }} catch (e) {{ return e.message; }}");
        Assert.StartsWith(message, result.GetString());
    }

    [Fact]
    public async Task ASearchBecomesZipkinsQuery()
    {
        var result = await RunAsync("search-query.js",
            "return m.toApiQuery({ serviceName: 'hello', annotationQuery: ' error ', minDuration: '10ms', maxDuration: '2s', lookback: '1h', limit: '20' }, 1700000000000);");
        Assert.Equal("hello", result.GetProperty("serviceName").GetString());
        Assert.Equal("error", result.GetProperty("annotationQuery").GetString());
        Assert.Equal(10_000, result.GetProperty("minDuration").GetInt64());
        Assert.Equal(2_000_000, result.GetProperty("maxDuration").GetInt64());
        Assert.Equal(1_700_000_000_000, result.GetProperty("endTs").GetInt64());
        Assert.Equal(3_600_000, result.GetProperty("lookback").GetInt64());
        Assert.Equal(20, result.GetProperty("limit").GetInt32());
    }
}

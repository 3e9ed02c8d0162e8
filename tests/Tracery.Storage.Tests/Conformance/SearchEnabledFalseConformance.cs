namespace Tracery.Storage.Tests.Conformance;

using static TestObjects;

/// <summary>Zipkin's ITSearchEnabledFalse (§4.5): nothing is indexed; traces by id still work.</summary>
public abstract class SearchEnabledFalseConformance : StoreConformance
{
    protected override StorageOptions Options => new() { SearchEnabled = false, AutocompleteKeys = ["http.path"] };

    [Fact]
    public async Task GetTraces_IndexDataReturnsNothing()
    {
        var trace = NewTrace(TestSuffix);
        await AcceptAsync(trace);

        await AssertGetTracesReturnsEmptyAsync(Request());
        await AssertGetTracesReturnsEmptyAsync(Request(serviceName: trace[0].LocalServiceName));
        await AssertGetTracesReturnsEmptyAsync(Request(spanName: trace[0].Name));
        await AssertGetTracesReturnsEmptyAsync(Request(annotationQuery: "foo"));
        await AssertGetTracesReturnsEmptyAsync(Request(minDuration: 1));
        // what is not search still works
        await AssertGetTraceReturnsAsync(trace[0].TraceId, trace);
        Assert.NotEmpty(await Store.GetDependenciesAsync(EndTs(trace), Day));
    }

    [Fact]
    public async Task GetServiceNames_IsEmpty()
    {
        await AcceptAsync(NewTrace(TestSuffix));
        Assert.Empty(await Store.GetServiceNamesAsync());
    }

    [Fact]
    public async Task GetRemoteServiceNames_IsEmpty()
    {
        var trace = NewTrace(TestSuffix);
        await AcceptAsync(trace);
        Assert.Empty(await Store.GetRemoteServiceNamesAsync(trace[1].LocalServiceName!));
    }

    [Fact]
    public async Task GetSpanNames_IsEmpty()
    {
        var trace = NewTrace(TestSuffix);
        await AcceptAsync(trace);
        Assert.Empty(await Store.GetSpanNamesAsync(trace[0].LocalServiceName!));
    }

    [Fact]
    public async Task GetAutocompleteValues_IsEmpty()
    {
        await AcceptAsync(NewTrace(TestSuffix));
        Assert.Empty(await Store.GetAutocompleteValuesAsync("http.path"));
    }
}

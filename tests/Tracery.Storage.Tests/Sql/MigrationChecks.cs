namespace Tracery.Storage.Tests.Sql;

using Tracery.Storage.Query;
using Tracery.Tracing.Model;
using static Tracery.Storage.Tests.Conformance.TestObjects;

/// <summary>What a store opened on a version 1 database must serve: every search and list, as if written by version 2.</summary>
static class MigrationChecks
{
    public static IReadOnlyList<Span> Spans(string traceId) =>
    [
        new() { TraceId = traceId, Id = "000000000000000a", Name = "get", Timestamp = (Today + 10) * 1000, Duration = 100,
            LocalEndpoint = new Endpoint("frontend", null, null, 0), RemoteEndpoint = new Endpoint("backend", null, null, 0), Kind = SpanKind.Client },
        new() { TraceId = traceId, Id = "000000000000000b", ParentId = "000000000000000a", Name = "query", Timestamp = (Today + 20) * 1000, Duration = 50,
            LocalEndpoint = new Endpoint("backend", null, null, 0), Kind = SpanKind.Server },
    ];

    public static async Task AssertServesAsync(ISpanStore store, string traceId)
    {
        QueryRequest Search() => new() { EndTs = Today + Day, Lookback = Day, Limit = 10 };
        Assert.Equal(2, (await store.GetTraceAsync(traceId)).Count);
        Assert.Single(await store.GetTracesAsync(Search() with { ServiceName = "backend" }));
        Assert.Single(await store.GetTracesAsync(Search() with { ServiceName = "frontend", RemoteServiceName = "backend" }));
        Assert.Single(await store.GetTracesAsync(Search() with { SpanName = "query" }));
        Assert.Empty(await store.GetTracesAsync(Search() with { ServiceName = "frontend", SpanName = "query" }));
        Assert.Equal(["backend", "frontend"], await store.GetServiceNamesAsync());
        Assert.Equal(["backend"], await store.GetRemoteServiceNamesAsync("frontend"));
        Assert.Equal(["query"], await store.GetSpanNamesAsync("backend"));
        Assert.Single(await store.GetDependenciesAsync(Today + Day, Day));
    }
}

namespace Tracery.Storage.Tests.Memory;

using Tracery.Storage.Memory;
using Tracery.Tracing.Model;
using static Tracery.Storage.Tests.Conformance.TestObjects;

/// <summary>What only the memory store does: its bound, eviction, exact ordering and concurrent ingest (§3.2, §3.4).</summary>
public sealed class MemorySpanStoreTests
{
    static Span SpanAt(long millis, string service = "svc", string? traceId = null) => new()
    {
        TraceId = traceId ?? NewTraceId(), Id = NewSpanId(), Name = "op", Timestamp = millis * 1000, Duration = 10,
        LocalEndpoint = new Endpoint(service, null, null, 0),
    };

    static Tracery.Storage.Query.QueryRequest All(int limit = 1000, string? service = null) =>
        new() { ServiceName = service, EndTs = Today + Day, Lookback = 2 * Day, Limit = limit };

    [Fact]
    public void Options_RejectNonPositiveBound()
    {
        var error = Assert.Throws<ArgumentException>(() => new MemorySpanStore(new StorageOptions { MaxSpanCount = 0 }));
        Assert.Contains("max span count", error.Message);
    }

    [Fact]
    public async Task Accept_OverTheBound_EvictsWholeTracesOldestFirst()
    {
        var store = new MemorySpanStore(new StorageOptions { MaxSpanCount = 4 });
        var oldTrace = NewTraceId();
        await store.AcceptAsync([SpanAt(Today + 1, traceId: oldTrace), SpanAt(Today + 5, traceId: oldTrace)]);
        var middle = SpanAt(Today + 2);
        var newest = SpanAt(Today + 3);
        await store.AcceptAsync([middle, newest]);
        Assert.Equal(4, store.SpanCount);

        await store.AcceptAsync([SpanAt(Today + 4)]);

        // The trace with the oldest span goes whole (both its spans), though it also has the newest span.
        Assert.Equal(3, store.SpanCount);
        Assert.Empty(await store.GetTraceAsync(oldTrace));
        Assert.Single(await store.GetTraceAsync(middle.TraceId));
        Assert.Equal(3, (await store.GetTracesAsync(All())).Count);
    }

    /// <summary>Spans without a timestamp sort as time 0, so they are evicted first.</summary>
    [Fact]
    public async Task Accept_EvictsSpansWithoutTimestampFirst()
    {
        var store = new MemorySpanStore(new StorageOptions { MaxSpanCount = 2 });
        var untimed = SpanAt(0) with { Timestamp = 0 };
        var timed = SpanAt(Today);
        await store.AcceptAsync([timed, untimed]);
        await store.AcceptAsync([SpanAt(Today + 1)]);

        Assert.Empty(await store.GetTraceAsync(untimed.TraceId));
        Assert.Single(await store.GetTraceAsync(timed.TraceId));
    }

    /// <summary>A service left with no traces disappears from the name lists.</summary>
    [Fact]
    public async Task Eviction_CleansUpServiceIndexes()
    {
        var store = new MemorySpanStore(new StorageOptions { MaxSpanCount = 1, AutocompleteKeys = ["env"] });
        await store.AcceptAsync([SpanAt(Today, "gone") with { Tags = Tags(("env", "prod")) }]);
        await store.AcceptAsync([SpanAt(Today + 1, "kept")]);

        Assert.Equal(["kept"], await store.GetServiceNamesAsync());
        Assert.Empty(await store.GetSpanNamesAsync("gone"));
        Assert.Empty(await store.GetTracesAsync(All(service: "gone")));
        // autocomplete values are never evicted, as in Zipkin
        Assert.Equal(["prod"], await store.GetAutocompleteValuesAsync("env"));
    }

    [Fact]
    public async Task Accept_CountsDuplicatesOnce()
    {
        var store = new MemorySpanStore();
        var span = SpanAt(Today);
        await store.AcceptAsync([span, span]);
        await store.AcceptAsync([span with { Tags = Tags() }]);
        Assert.Equal(1, store.SpanCount);
    }

    /// <summary>InMemoryStorageTest: results are newest first; ties broken by trace id, descending.</summary>
    [Fact]
    public async Task GetTraces_OrderedNewestFirst()
    {
        var store = new MemorySpanStore();
        var early = SpanAt(Today - 5);
        var late = SpanAt(Today + 5);
        var tieA = SpanAt(Today, traceId: "1" + new string('0', 31));
        var tieB = SpanAt(Today, traceId: "2" + new string('0', 15) + new string('f', 16));
        await store.AcceptAsync([early, tieA, late, tieB]);

        var traces = await store.GetTracesAsync(All());
        Assert.Equal([late.TraceId, tieB.TraceId, tieA.TraceId, early.TraceId], traces.Select(t => t[0].TraceId));
    }

    /// <summary>A trace with spans after endTs is placed by its newest span inside the window, as Zipkin's key scan does.</summary>
    [Fact]
    public async Task GetTraces_TraceEndingAfterEndTs_OrderedByNewestSpanInWindow()
    {
        var store = new MemorySpanStore();
        var longTrace = NewTraceId();
        var shortTrace = SpanAt(Today + 50);
        await store.AcceptAsync([SpanAt(Today + 1, traceId: longTrace), SpanAt(Today + 100, traceId: longTrace) with { ParentId = Id(1) }, shortTrace]);

        var traces = await store.GetTracesAsync(All() with { EndTs = Today + 60 });
        Assert.Equal([shortTrace.TraceId, longTrace], traces.Select(t => t[0].TraceId));
        Assert.Equal(shortTrace.TraceId, Assert.Single(await store.GetTracesAsync(All(limit: 1) with { EndTs = Today + 60 }))[0].TraceId);
    }

    /// <summary>Dependencies take traces with a span inside the window, not traces merely spanning it.</summary>
    [Fact]
    public async Task GetDependencies_NeedsASpanInsideTheWindow()
    {
        var store = new MemorySpanStore();
        Span Call(string traceId, long millis, string id) => SpanAt(millis, "a", traceId) with
        {
            Id = id, Kind = SpanKind.Client, RemoteEndpoint = new Endpoint("b", null, null, 0),
        };
        var spanning = NewTraceId();
        await store.AcceptAsync([Call(spanning, Today, Id(1)), Call(spanning, Today + 1000, Id(2))]);
        Assert.Empty(await store.GetDependenciesAsync(Today + 20, 10));

        await store.AcceptAsync([Call(spanning, Today + 15, Id(3))]);
        var link = Assert.Single(await store.GetDependenciesAsync(Today + 20, 10));
        Assert.Equal(("a", "b"), (link.Parent, link.Child));
    }

    /// <summary>A strict split of one low id is checked against the limit only between groups, as Zipkin does.</summary>
    [Fact]
    public async Task GetTraces_StrictSplitCanOvershootLimit()
    {
        var store = new MemorySpanStore();
        var low = NewSpanId();
        await store.AcceptAsync([SpanAt(Today, traceId: "1" + new string('0', 15) + low), SpanAt(Today, traceId: "2" + new string('0', 15) + low)]);
        Assert.Equal(2, (await store.GetTracesAsync(All(limit: 1))).Count);
    }

    [Fact]
    public async Task GetTrace_NormalizesId()
    {
        var store = new MemorySpanStore();
        await store.AcceptAsync([SpanAt(Today, traceId: "0000000000000abc")]);
        Assert.Single(await store.GetTraceAsync("abc"));
        Assert.Single(await store.GetTraceAsync("00000000000000000000000000000abc"));
        Assert.Single(await store.GetTraceAsync(" 0000000000000abc "));
    }

    /// <summary>Several writers at once: nothing lost, nothing double counted, queries stay consistent.</summary>
    [Fact]
    public async Task Accept_Concurrently_KeepsEverySpan()
    {
        var store = new MemorySpanStore();
        const int writers = 4, batches = 50, batchSize = 100;
        var readers = Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++) Assert.True((await store.GetTracesAsync(All(limit: 10, service: "svc1"))).Count <= 10);
        });
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < batches; b++)
            {
                var traceId = NewTraceId();
                await store.AcceptAsync(Enumerable.Range(0, batchSize).Select(i => SpanAt(Today + i, "svc" + w, traceId)).ToList());
            }
        })).Append(readers));

        Assert.Equal(writers * batches * batchSize, store.SpanCount);
        Assert.Equal(batches, (await store.GetTracesAsync(All(service: "svc2"))).Count);
        Assert.Equal(writers * batches, (await store.GetTracesAsync(All(limit: 10_000))).Count);
    }

    /// <summary>Concurrent writers over a small bound: the count never exceeds it.</summary>
    [Fact]
    public async Task Accept_ConcurrentlyOverTheBound_StaysBounded()
    {
        var store = new MemorySpanStore(new StorageOptions { MaxSpanCount = 500 });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < 100; b++) await store.AcceptAsync([SpanAt(Today + b), SpanAt(Today + b)]);
        })));
        Assert.True(store.SpanCount <= 500, $"{store.SpanCount} spans stored");
        Assert.Equal(store.SpanCount, (await store.GetTracesAsync(All(limit: 10_000))).Sum(t => t.Count));
    }

    [Fact]
    public async Task AutocompleteKeys_AreTheConfiguredOnesSorted()
    {
        var store = new MemorySpanStore(new StorageOptions { AutocompleteKeys = ["http.method", "env"] });
        Assert.Equal(["env", "http.method"], await store.GetAutocompleteKeysAsync());
    }
}

namespace Tracery.Storage.Tests.Conformance;

using Tracery.Storage.Query;
using Tracery.Tracing.Model;
using static TestObjects;

/// <summary>
/// Zipkin's ITStorage harness (§4.1): each test gets a fresh, empty store from
/// <see cref="CreateStoreAsync"/>, writes in batches of 100 and compares traces after sorting their
/// spans. A backend runs the suite by subclassing each conformance class.
/// </summary>
public abstract class StoreConformance : IAsyncLifetime
{
    ISpanStore? _store;

    /// <summary>Unique per test, appended to service names so tests on a shared database do not collide.</summary>
    protected string TestSuffix { get; } = "t" + NewSpanId()[..8];

    protected ISpanStore Store => _store ?? throw new InvalidOperationException("store not created");

    /// <summary>A new, empty store for one test.</summary>
    protected abstract Task<ISpanStore> CreateStoreAsync(StorageOptions options);

    /// <summary>The options this suite needs (e.g. strict trace id off).</summary>
    protected virtual StorageOptions Options => new();

    /// <summary>A hook for eventually consistent stores: wait until accepted spans are readable.</summary>
    protected virtual Task BlockWhileInFlightAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => _store = await CreateStoreAsync(Options);

    public async Task DisposeAsync()
    {
        switch (_store)
        {
            case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
            case IDisposable disposable: disposable.Dispose(); break;
        }
    }

    protected Task AcceptAsync(IEnumerable<Span> spans) => AcceptAsync(spans.ToArray());

    protected async Task AcceptAsync(params Span[] spans)
    {
        foreach (var batch in spans.Chunk(100))
        {
            await Store.AcceptAsync(batch);
            await BlockWhileInFlightAsync();
        }
    }

    /// <summary>Zipkin's <c>requestBuilder()</c>: two days back from the end of today, limit 100.</summary>
    protected static QueryRequest Request(
        string? serviceName = null, string? remoteServiceName = null, string? spanName = null, string? annotationQuery = null,
        long? minDuration = null, long? maxDuration = null, long? endTs = null, long? lookback = null, int limit = 100) => new()
        {
            ServiceName = serviceName,
            RemoteServiceName = remoteServiceName,
            SpanName = spanName,
            AnnotationQuery = AnnotationQuery.Parse(annotationQuery),
            MinDuration = minDuration,
            MaxDuration = maxDuration,
            EndTs = endTs ?? Today + Day,
            Lookback = lookback ?? 2 * Day,
            Limit = limit,
        };

    /// <summary>Every expected trace is among the results (extra results are tolerated, as in Zipkin).</summary>
    protected async Task AssertGetTracesReturnsAsync(QueryRequest request, params IReadOnlyList<Span>[] expected)
    {
        var actual = (await Store.GetTracesAsync(request)).Select(SpanOrder.Sorted).ToList();
        foreach (var trace in expected)
        {
            var sorted = SpanOrder.Sorted(trace);
            Assert.True(actual.Any(a => a.SequenceEqual(sorted)), $"missing trace {trace[0].TraceId} in {Describe(actual)}");
        }
    }

    /// <summary>The results are exactly these traces, in any order.</summary>
    protected async Task AssertGetTracesReturnsExactlyAsync(QueryRequest request, params IReadOnlyList<Span>[] expected)
    {
        var actual = await Store.GetTracesAsync(request);
        Assert.Equal(expected.Length, actual.Count);
        await AssertGetTracesReturnsAsync(request, expected);
    }

    protected async Task AssertGetTracesReturnsEmptyAsync(QueryRequest request) => Assert.Empty(await Store.GetTracesAsync(request));

    protected async Task AssertGetTraceReturnsAsync(string traceId, IReadOnlyList<Span> expected) =>
        Assert.Equal(SpanOrder.Sorted(expected), SpanOrder.Sorted(await Store.GetTraceAsync(traceId)));

    protected Task AssertGetTraceReturnsAsync(Span span) => AssertGetTraceReturnsAsync(span.TraceId, [span]);

    protected async Task AssertGetTraceReturnsEmptyAsync(string traceId) => Assert.Empty(await Store.GetTraceAsync(traceId));

    /// <summary>By trace ids: exactly these traces, in any order.</summary>
    protected async Task AssertGetTracesReturnsAsync(IEnumerable<string> traceIds, params IReadOnlyList<Span>[] expected)
    {
        var actual = (await Store.GetTracesAsync(traceIds)).Select(SpanOrder.Sorted).ToList();
        Assert.Equal(expected.Length, actual.Count);
        foreach (var trace in expected)
        {
            var sorted = SpanOrder.Sorted(trace);
            Assert.True(actual.Any(a => a.SequenceEqual(sorted)), $"missing trace {trace[0].TraceId} in {Describe(actual)}");
        }
    }

    static string Describe(IEnumerable<IReadOnlyList<Span>> traces) =>
        "[" + string.Join(", ", traces.Select(t => $"{t[0].TraceId}({t.Count} spans)")) + "]";
}

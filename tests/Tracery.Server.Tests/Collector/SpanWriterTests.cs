namespace Tracery.Server.Tests.Collector;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Tracery.Server.Collector;
using Tracery.Server.Tests.Hosting;
using Tracery.Tracing.Model;

/// <summary>
/// The writer between the collector and the store, on a fake clock so batching and retries are exact:
/// batches by flush interval and size, a bounded backlog while the store is down, drops counted by reason.
/// </summary>
public sealed class SpanWriterTests
{
    private readonly FakeTimeProvider time = new();
    private readonly OutageStore store = new();
    private readonly TransportMetrics transport = new("http");

    private SpanWriter Writer(SpanWriterOptions? options = null) =>
        new(store, options ?? new SpanWriterOptions(), time, NullLogger.Instance);

    private static List<Span> Spans(int count, string name = "get") =>
        [.. Enumerable.Range(0, count).Select(_ => new Span { TraceId = Random.Shared.NextInt64(1, long.MaxValue).ToString("x16"), Id = "000000000000000a", Name = name })];

    private Task StoredAsync(int spans) =>
        Eventually.HoldsAsync(() => Task.FromResult(store.Writes.Sum() == spans), $"{spans} spans are stored");

    /// <summary>Moves the fake clock on until the condition holds (retries wait on that clock).</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition, string what)
    {
        await Eventually.HoldsAsync(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            return Task.FromResult(condition());
        }, what);
    }

    [Fact]
    public async Task MessagesWithinHalfTheFlushInterval_AreWrittenTogether_OnceItHasPassed()
    {
        await using var writer = Writer();
        writer.Enqueue(Spans(2), transport);
        writer.Enqueue(Spans(2), transport);
        writer.Enqueue(Spans(2), transport);

        time.Advance(TimeSpan.FromMilliseconds(100));

        await StoredAsync(6);
        Assert.Equal([6], store.Writes);
        Assert.Equal(6, writer.Counters.SpansWritten);
        Assert.Equal(0, writer.Backlog.Spans);
    }

    [Fact]
    public async Task AFullBatch_IsWrittenWithoutWaitingForTheInterval()
    {
        await using var writer = Writer(new SpanWriterOptions { MaxBatchSpans = 4 });
        writer.Enqueue(Spans(2), transport);
        writer.Enqueue(Spans(2), transport);

        await StoredAsync(4);
        Assert.Equal([4], store.Writes);
    }

    [Fact]
    public async Task WhileTheStoreIsDown_SpansWaitUpToTheBound_ThenNewOnesAreDroppedAndCounted_AndTheBacklogDrainsAfter()
    {
        store.Down = true;
        await using var writer = Writer(new SpanWriterOptions { MaxBacklogSpans = 6 });
        writer.Enqueue(Spans(3), transport);
        writer.Enqueue(Spans(3), transport);
        await AdvanceUntilAsync(() => writer.Backlog.StoreError is not null, "the writer has met the outage");

        writer.Enqueue(Spans(3), transport);

        Assert.Equal(3, writer.Counters.SpansDropped(SpanDropReason.BacklogFull));
        Assert.Equal(3, transport.SpansDropped);
        var backlog = writer.Backlog;
        Assert.Equal(6, backlog.Spans);
        Assert.True(backlog.IsFull);
        Assert.Contains("SocketException", backlog.StoreError);
        Assert.True(backlog.OldestAge > TimeSpan.Zero);

        store.Down = false;
        await AdvanceUntilAsync(() => store.Writes.Sum() == 6, "the backlog is stored");
        Assert.Equal(0, writer.Backlog.Spans);
        Assert.Null(writer.Backlog.StoreError);
        Assert.True(writer.Counters.WriteRetries >= 1);
    }

    [Fact]
    public async Task ASpanTheStoreRejects_IsDroppedAlone_AndItsBatchMatesAreStored()
    {
        await using var writer = Writer();
        writer.Enqueue(Spans(2), transport);
        writer.Enqueue(Spans(1, "poison"), transport);
        writer.Enqueue(Spans(2), transport);

        time.Advance(TimeSpan.FromMilliseconds(100));

        await StoredAsync(4);
        await Eventually.HoldsAsync(() => Task.FromResult(writer.Counters.SpansDropped(SpanDropReason.StoreRejected) == 1), "the poison span is dropped");
        Assert.Equal(1, transport.SpansDropped);
        Assert.Equal(0, writer.Backlog.Spans);
    }

    [Fact]
    public async Task Dispose_StoresEverythingQueued_WithoutWaitingForTheInterval()
    {
        var writer = Writer();
        writer.Enqueue(Spans(2), transport);
        writer.Enqueue(Spans(3), transport);

        await writer.DisposeAsync();

        Assert.Equal(5, store.Writes.Sum());
    }

    [Fact]
    public async Task Dispose_GivesUpOnAnUnreachableStoreAfterTheDrainTimeout_AndCountsTheDrop()
    {
        store.Down = true;
        var writer = Writer(new SpanWriterOptions { DrainTimeout = TimeSpan.FromSeconds(2) });
        writer.Enqueue(Spans(2), transport);

        var disposed = writer.DisposeAsync().AsTask();
        await AdvanceUntilAsync(() => disposed.IsCompleted, "dispose gives up");

        await disposed;
        Assert.Equal(2, writer.Counters.SpansDropped(SpanDropReason.Shutdown));
        Assert.Equal(2, transport.SpansDropped);
        Assert.Empty(store.Writes);
    }

    [Fact]
    public void BadSettingsAreNamed() =>
        Assert.Equal("max backlog spans must be positive, not 0",
            Assert.Throws<ArgumentException>(() => new SpanWriterOptions { MaxBacklogSpans = 0 }.Validate()).Message);
}

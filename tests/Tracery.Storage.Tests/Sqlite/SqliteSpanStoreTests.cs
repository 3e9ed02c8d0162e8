namespace Tracery.Storage.Tests.Sqlite;

using Microsoft.Data.Sqlite;
using Tracery.Storage.Query;
using Tracery.Storage.Retention;
using Tracery.Storage.Sqlite;
using Tracery.Storage.Tests.Retention;
using Tracery.Storage.Tests.Sql;
using Tracery.Tracing.Model;
using static Tracery.Storage.Tests.Conformance.TestObjects;

/// <summary>What only the embedded backend does: survive a restart, WAL mode, retention by age and size, version checks, migration.</summary>
public sealed class SqliteSpanStoreTests : IDisposable
{
    readonly string _path = TemporarySqliteStore.NewPath();

    public void Dispose() => TemporarySqliteStore.Delete(_path);

    static Span SpanAt(long millis, string traceId, string service = "svc") => new()
    {
        TraceId = traceId, Id = NewSpanId(), Name = "op", Timestamp = millis * 1000, Duration = 10,
        LocalEndpoint = new Endpoint(service, null, null, 0), RemoteEndpoint = new Endpoint("db", null, null, 0),
        Tags = Tags(("env", "prod")),
    };

    [Fact]
    public async Task Restart_ReadsBackEverythingWritten()
    {
        var options = new StorageOptions { AutocompleteKeys = ["env"] };
        var traces = Enumerable.Range(0, 50).Select(i => SpanAt(Today + i, NewTraceId(), $"svc{i % 3}")).ToList();
        await using (var store = await SqliteSpanStore.OpenAsync(_path, options)) await store.AcceptAsync(traces);

        await using var reopened = await SqliteSpanStore.OpenAsync(_path, options);

        foreach (var span in traces) Assert.Equal([span], await reopened.GetTraceAsync(span.TraceId));
        Assert.Equal(["svc0", "svc1", "svc2"], await reopened.GetServiceNamesAsync());
        Assert.Equal(["db"], await reopened.GetRemoteServiceNamesAsync("svc1"));
        Assert.Equal(["op"], await reopened.GetSpanNamesAsync("svc2"));
        Assert.Equal(["prod"], await reopened.GetAutocompleteValuesAsync("env"));
        var found = await reopened.GetTracesAsync(new QueryRequest { EndTs = Today + Day, Lookback = Day, Limit = 100 });
        Assert.Equal(50, found.Count);
    }

    [Fact]
    public async Task Open_PutsTheFileInWalMode()
    {
        await (await SqliteSpanStore.OpenAsync(_path)).DisposeAsync();

        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("PRAGMA journal_mode", connection);
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Open_RefusesANewerSchema()
    {
        await (await SqliteSpanStore.OpenAsync(_path)).DisposeAsync();
        await using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = new SqliteCommand("UPDATE tracery_schema_version SET version = 99", connection);
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteSpanStore.OpenAsync(_path));
        Assert.Contains("schema version 99", error.Message);
    }

    [Fact]
    public async Task Open_MigratesVersionOne()
    {
        var traceId = NewTraceId();
        await using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            await connection.OpenAsync();
            await VersionOneSchema.CreateAsync(connection, "BLOB", MigrationChecks.Spans(traceId));
        }

        await using var store = await SqliteSpanStore.OpenAsync(_path);

        await MigrationChecks.AssertServesAsync(store, traceId);
    }

    [Fact]
    public async Task Open_UnwritablePath_NamesTheFile()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => SqliteSpanStore.OpenAsync("/proc/tracery/traces.db"));
        Assert.Contains("/proc/tracery", error.Message);
    }

    [Fact]
    public async Task RetentionOption_SweepsOldTracesInTheBackground()
    {
        var (oldTrace, newTrace) = (NewTraceId(), NewTraceId());
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using (var store = await SqliteSpanStore.OpenAsync(_path))
        {
            await store.AcceptAsync([SpanAt(now - 10 * Day, oldTrace), SpanAt(now - 8 * Day, oldTrace), SpanAt(now - 9 * Day, newTrace), SpanAt(now - Day, newTrace)]);
        }

        // The sweeper's first pass runs as the store opens; poll for its effect rather than sleeping.
        await using var swept = await SqliteSpanStore.OpenAsync(_path, new StorageOptions { Retention = TimeSpan.FromDays(7) });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await swept.GetTraceAsync(oldTrace)).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Empty(await swept.GetTraceAsync(oldTrace));
        Assert.Equal(2, (await swept.GetTraceAsync(newTrace)).Count);
    }

    [Fact]
    public async Task RetentionSize_DeletesOldestTracesUntilTheFileFits()
    {
        await using var store = await SqliteSpanStore.OpenAsync(_path);
        var ids = await SizedTraces.StoreAsync(store, 60);
        var before = await PagesInUseAsync();
        var limit = before / 2;

        var deleted = await store.DeleteOldestTracesOverAsync(limit);

        Assert.True(deleted > 0);
        Assert.True(await PagesInUseAsync() <= limit, $"still {await PagesInUseAsync()} bytes, over {limit}");
        SizedTraces.AssertOldestWent(await SizedTraces.PresentAsync(store, ids));
        Assert.Equal(0, await store.DeleteOldestTracesOverAsync(limit));
    }

    [Fact]
    public async Task RetentionSizeOption_SweepsInTheBackground()
    {
        List<string> ids;
        await using (var store = await SqliteSpanStore.OpenAsync(_path)) ids = await SizedTraces.StoreAsync(store, 40);
        var limit = await PagesInUseAsync() / 2;

        // The sweeper's first pass runs as the store opens; poll for its effect rather than sleeping.
        await using var swept = await SqliteSpanStore.OpenAsync(_path, new StorageOptions { RetentionSize = limit });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await swept.GetTraceAsync(ids[0])).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(20);

        SizedTraces.AssertOldestWent(await SizedTraces.PresentAsync(swept, ids));
    }

    /// <summary>The measure size retention uses: pages in use, free pages not counted.</summary>
    async Task<long> PagesInUseAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData("500MB", 500L << 20)]
    [InlineData("2GB", 2L << 30)]
    [InlineData("1.5 GiB", 3L << 29)]
    [InlineData("750kb", 750L << 10)]
    [InlineData("4096", 4096)]
    public void RetentionSize_ReadsUnits(string text, long bytes) => Assert.Equal(bytes, RetentionSize.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("0MB")]
    [InlineData("-5GB")]
    [InlineData("lots")]
    [InlineData("5PB")]
    public void RetentionSize_RejectsBadInput(string text) =>
        Assert.Contains($"not \"{text}\"", Assert.Throws<ArgumentException>(() => RetentionSize.Parse(text)).Message);

    [Theory]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("30m", 30)]
    public void RetentionAge_ReadsUnits(string text, int minutes) => Assert.Equal(TimeSpan.FromMinutes(minutes), RetentionAge.Parse(text));

    [Theory]
    [InlineData("7")]
    [InlineData("0d")]
    [InlineData("-1d")]
    [InlineData("7w")]
    public void RetentionAge_RejectsBadInput(string text) =>
        Assert.Contains($"not \"{text}\"", Assert.Throws<ArgumentException>(() => RetentionAge.Parse(text)).Message);
}

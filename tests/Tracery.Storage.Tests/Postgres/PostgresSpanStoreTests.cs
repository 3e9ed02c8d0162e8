namespace Tracery.Storage.Tests.Postgres;

using Npgsql;
using Tracery.Storage.Postgres;
using Tracery.Storage.Sql;
using Tracery.Storage.Tests.Retention;
using Tracery.Storage.Tests.Sql;
using Tracery.Tracing.Model;
using static Tracery.Storage.Tests.Conformance.TestObjects;

/// <summary>What only the shared backend does: several stores on one database, URL parsing, retention.</summary>
public sealed class PostgresSpanStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    static Span SpanAt(long millis, string traceId) => new()
    {
        TraceId = traceId, Id = NewSpanId(), Name = "op", Timestamp = millis * 1000, Duration = 10,
        LocalEndpoint = new Endpoint("svc", null, null, 0),
    };

    [Fact]
    public async Task TwoStoresOnOneDatabase_WhatOneAcceptsTheOtherServes()
    {
        var connectionString = await database.NewSchemaAsync();
        await using var first = await PostgresSpanStore.OpenAsync(connectionString);
        await using var second = await PostgresSpanStore.OpenAsync(connectionString);
        var traceId = NewTraceId();
        var span = SpanAt(Today + 1, traceId);

        await first.AcceptAsync([span]);

        Assert.Equal([span], await second.GetTraceAsync(traceId));
        Assert.Contains("svc", await second.GetServiceNamesAsync());
    }

    [Fact]
    public async Task StoresStartingTogether_CreateTheSchemaOnce()
    {
        var connectionString = await database.NewSchemaAsync();
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresSpanStore.OpenAsync(connectionString)));
        foreach (var store in stores) await store.DisposeAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM tracery_schema_version", connection);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Retention_DeletesOldTracesAndKeepsNewerOnes()
    {
        await using var store = await database.NewStoreAsync(new StorageOptions());
        var (oldTrace, newTrace) = (NewTraceId(), NewTraceId());
        await store.AcceptAsync([SpanAt(Today - 10 * Day, oldTrace), SpanAt(Today - 9 * Day, oldTrace), SpanAt(Today - 10 * Day, newTrace), SpanAt(Today, newTrace)]);

        Assert.Equal(2, await store.DeleteTracesOlderThanAsync(Today - 7 * Day));

        Assert.Empty(await store.GetTraceAsync(oldTrace));
        Assert.Equal(2, (await store.GetTraceAsync(newTrace)).Count);
    }

    [Fact]
    public async Task Open_MigratesVersionOne()
    {
        var connectionString = await database.NewSchemaAsync();
        var traceId = NewTraceId();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await VersionOneSchema.CreateAsync(connection, "BYTEA", MigrationChecks.Spans(traceId));
        }

        await using var store = await PostgresSpanStore.OpenAsync(connectionString);

        await MigrationChecks.AssertServesAsync(store, traceId);
    }

    [Fact]
    public async Task RetentionSize_DeletesOldestTracesUntilTheStoreFits()
    {
        await using var store = await database.NewStoreAsync(new StorageOptions());
        var ids = await SizedTraces.StoreAsync(store, 60);
        var limit = await store.SizeAsync() / 2;

        var deleted = await store.DeleteOldestTracesOverAsync(limit);

        Assert.True(deleted > 0);
        Assert.True(await store.SizeAsync() <= limit);
        SizedTraces.AssertOldestWent(await SizedTraces.PresentAsync(store, ids));
        Assert.Equal(0, await store.DeleteOldestTracesOverAsync(limit));
    }

    [Theory]
    [InlineData("postgres://alice:s%40cret@db.example:6543/traces", "db.example", 6543, "alice", "s@cret", "traces")]
    [InlineData("postgresql://bob@localhost/zipkin", "localhost", 5432, "bob", null, "zipkin")]
    [InlineData("Host=h;Port=1;Username=u;Password=p;Database=d", "h", 1, "u", "p", "d")]
    public void ConnectionString_ReadsUrlsAndNpgsqlStrings(string text, string host, int port, string user, string? password, string db)
    {
        var builder = PostgresConnectionString.Parse(text);
        Assert.Equal((host, port, user, password, db), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
    }

    [Theory]
    [InlineData("", "needs a connection string")]
    [InlineData("postgres://", "invalid postgres URL")]
    [InlineData("Hots=x", "invalid postgres connection string")]
    public void ConnectionString_RejectsBadInput(string text, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => PostgresConnectionString.Parse(text)).Message);

    [Fact]
    public async Task UnreachableServer_FailsWithTheDatabaseNamed()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PostgresSpanStore.OpenAsync("Host=127.0.0.1;Port=1;Username=u;Password=p;Database=d;Timeout=2"));
        Assert.Contains("postgres://u@127.0.0.1:1/d", error.Message);
    }
}

namespace Tracery.Bench.Storage;

using System.Security.Cryptography;
using Npgsql;
using Tracery.Storage;
using Tracery.Storage.Memory;
using Tracery.Storage.Postgres;
using Tracery.Storage.Sqlite;

/// <summary>
/// A fresh store of one backend for a benchmark: the memory store, a SQLite file in a new temporary
/// directory, or a new PostgreSQL database (from --postgres or TRACERY_TEST_POSTGRES), removed on dispose.
/// </summary>
sealed class StoreUnderTest : IAsyncDisposable
{
    readonly Func<ValueTask> _remove;

    StoreUnderTest(string name, ISpanStore store, DatabaseServerCpu? serverCpu, Func<ValueTask> remove)
    {
        Name = name;
        Store = store;
        ServerCpu = serverCpu;
        _remove = remove;
    }

    public string Name { get; }

    public ISpanStore Store { get; }

    /// <summary>The database server's CPU, when it runs in other processes (PostgreSQL).</summary>
    public DatabaseServerCpu? ServerCpu { get; }

    public static async Task<StoreUnderTest> OpenAsync(string backend, string[] args, int maxSpans)
    {
        switch (backend)
        {
            case "memory":
                return new StoreUnderTest(backend, new MemorySpanStore(new StorageOptions { MaxSpanCount = maxSpans }), null, () => ValueTask.CompletedTask);
            case "sqlite":
                var directory = Directory.CreateTempSubdirectory("tracery-bench-");
                var sqlite = await SqliteSpanStore.OpenAsync(Path.Combine(directory.FullName, "traces.db"));
                return new StoreUnderTest(backend, sqlite, null, async () =>
                {
                    await sqlite.DisposeAsync();
                    directory.Delete(recursive: true);
                });
            case "postgres":
                return await OpenPostgresAsync(args);
            default:
                throw new ArgumentException($"--backends takes memory, sqlite and postgres, not \"{backend}\"");
        }
    }

    static async Task<StoreUnderTest> OpenPostgresAsync(string[] args)
    {
        var server = BenchArgs.Text(args, "--postgres") ?? Environment.GetEnvironmentVariable("TRACERY_TEST_POSTGRES")
            ?? throw new ArgumentException("the postgres backend needs --postgres CONNECTION-STRING or TRACERY_TEST_POSTGRES (`source scripts/start-postgres`)");
        var admin = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Parse(server).ToString()) { Database = "postgres", Pooling = false };
        var database = "tracery_bench_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await ExecuteAsync(admin, $"CREATE DATABASE {database}");
        var store = await PostgresSpanStore.OpenAsync(new NpgsqlConnectionStringBuilder(admin.ToString()) { Database = database, Pooling = true }.ToString());
        return new StoreUnderTest("postgres", store, new DatabaseServerCpu(database), async () =>
        {
            await store.DisposeAsync();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        });
    }

    static async Task ExecuteAsync(NpgsqlConnectionStringBuilder admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _remove();
}

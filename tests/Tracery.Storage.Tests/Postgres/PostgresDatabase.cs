namespace Tracery.Storage.Tests.Postgres;

using System.Security.Cryptography;
using Npgsql;
using Tracery.Storage.Postgres;
using Tracery.Storage.Sql;

/// <summary>
/// A database of its own on the PostgreSQL server named by TRACERY_TEST_POSTGRES, created for one test
/// class and dropped after it. Each test then takes a fresh schema in it (cheaper than a database per
/// test). No server means failed tests, never skipped ones: CI must not pass without PostgreSQL.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    const string Variable = "TRACERY_TEST_POSTGRES";

    NpgsqlConnectionStringBuilder? _server;

    public string Name { get; } = "tracery_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set: PostgreSQL tests need a server (run `source scripts/start-postgres`, as scripts/test does)");
        }
        _server = PostgresConnectionString.Parse(connectionString);
        try
        {
            await ExecuteOnServerAsync($"CREATE DATABASE {Name}");
        }
        catch (NpgsqlException error)
        {
            throw new InvalidOperationException($"PostgreSQL at {_server.Host}:{_server.Port} ({Variable}) is unreachable: {error.Message}", error);
        }
    }

    /// <summary>A new, empty schema in this database; the connection string puts it first on the search path.</summary>
    public async Task<string> NewSchemaAsync()
    {
        var schema = "s_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var builder = Connection(null);
        await using (var connection = new NpgsqlConnection(builder.ToString()))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return Connection(schema).ToString();
    }

    public async Task<SqlSpanStore> NewStoreAsync(StorageOptions options) => await PostgresSpanStore.OpenAsync(await NewSchemaAsync(), options);

    /// <summary>The same, typed as the conformance suite wants it.</summary>
    public async Task<ISpanStore> NewSpanStoreAsync(StorageOptions options) => await NewStoreAsync(options);

    NpgsqlConnectionStringBuilder Connection(string? schema)
    {
        // Tests never crash the server, so commits need not wait for the disk: this keeps the suite fast.
        var builder = new NpgsqlConnectionStringBuilder(_server!.ToString()) { Database = Name, Options = "-c synchronous_commit=off" };
        if (schema is not null) builder.SearchPath = schema;
        return builder;
    }

    public async Task DisposeAsync()
    {
        if (_server is null) return;
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(_server!.ToString()) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

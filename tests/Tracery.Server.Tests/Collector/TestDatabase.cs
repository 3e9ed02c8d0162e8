namespace Tracery.Server.Tests.Collector;

using System.Net;
using System.Security.Cryptography;
using Npgsql;
using Tracery.Storage.Postgres;

/// <summary>
/// A fresh database on the PostgreSQL server of TRACERY_TEST_POSTGRES (`source scripts/start-postgres`),
/// dropped afterwards. Without that server the test fails, never skips: CI must run it.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly NpgsqlConnectionStringBuilder server;

    private TestDatabase(NpgsqlConnectionStringBuilder server) => this.server = server;

    public string Name { get; } = "tracery_server_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>Where the PostgreSQL server listens (the relay's target).</summary>
    public IPEndPoint EndPoint => new(Dns.GetHostAddresses(server.Host!)[0], server.Port);

    public static async Task<TestDatabase> CreateAsync()
    {
        var text = Environment.GetEnvironmentVariable("TRACERY_TEST_POSTGRES");
        Assert.False(string.IsNullOrWhiteSpace(text), "TRACERY_TEST_POSTGRES is not set: run `source scripts/start-postgres` first");
        var database = new TestDatabase(PostgresConnectionString.Parse(text!));
        await database.OnServerAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    /// <summary>A connection string to this database through another port (a relay), with short connect timeouts.</summary>
    public string ConnectionStringVia(int port) =>
        new NpgsqlConnectionStringBuilder(server.ToString()) { Host = "127.0.0.1", Port = port, Database = Name, Timeout = 5 }.ToString();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await OnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task OnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(server.ToString()) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

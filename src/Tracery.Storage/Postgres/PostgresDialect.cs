namespace Tracery.Storage.Postgres;

using System.Data.Common;
using Npgsql;
using Tracery.Storage.Sql;

/// <summary>
/// A PostgreSQL database shared by any number of Tracery servers: each statement is self-contained,
/// and schema creation takes an advisory lock so servers starting together migrate once.
/// </summary>
public sealed class PostgresDialect : ISqlDialect
{
    // An arbitrary constant naming Tracery's schema lock among the database's advisory locks.
    const long SchemaLockKey = 0x7472616365727931;

    readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        Description = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public string Description { get; }

    public string BlobType => "BYTEA";

    public string? SchemaLockSql => $"SELECT pg_advisory_xact_lock({SchemaLockKey})";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

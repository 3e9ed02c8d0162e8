namespace Tracery.Storage.Postgres;

using System.Data.Common;
using Npgsql;
using Tracery.Storage.Sql;

/// <summary>
/// A PostgreSQL database shared by any number of Tracery servers: each statement is self-contained,
/// and schema creation takes an advisory lock so servers starting together migrate once.
/// </summary>
sealed class PostgresDialect : ISqlDialect
{
    // An arbitrary constant naming Tracery's schema lock among the database's advisory locks.
    const long SchemaLockKey = 0x7472616365727931;

    readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        Description = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        // The write path's statements and the searches repeat the same texts: preparing them once per
        // connection saves PostgreSQL parsing and planning them on every batch.
        builder.MaxAutoPrepare = Math.Max(builder.MaxAutoPrepare, 64);
        builder.AutoPrepareMinUsages = 2;
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public string Description { get; }

    public string BlobType => "BYTEA";

    public string? SchemaLockSql => $"SELECT pg_advisory_xact_lock({SchemaLockKey})";

    public string KeyedTableOptions => "";

    public string Greatest => "GREATEST";

    public string Least => "LEAST";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _dataSource.OpenConnectionAsync(cancellationToken);

    public Task BeforeSchemaAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public ISpanBatchWriter BatchWriter(DbConnection connection) => new PostgresSpanBatchWriter((NpgsqlConnection)connection);

    public bool IsDuplicateKey(DbException error) => error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // The stored bytes the traces table counts, not pg_total_relation_size: PostgreSQL keeps a table's
    // files at their largest and reuses deleted rows' space in place, so the files would stay over the
    // limit after every delete and each sweep would delete more, until nothing was left.
    public async Task<long> SizeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(null, "SELECT COALESCE(SUM(bytes), 0) FROM tracery_traces");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    // Autovacuum makes deleted rows' space reusable; giving it back to the file system needs VACUUM FULL,
    // which locks the tables against ingest.
    public Task AfterDeleteAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

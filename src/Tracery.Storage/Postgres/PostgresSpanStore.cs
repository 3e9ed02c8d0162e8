namespace Tracery.Storage.Postgres;

using Tracery.Storage.Sql;

/// <summary>Opens the shared backend: a PostgreSQL database, its schema created or migrated on start.</summary>
public static class PostgresSpanStore
{
    public static Task<SqlSpanStore> OpenAsync(string connectionString, StorageOptions? options = null, CancellationToken cancellationToken = default) =>
        SqlSpanStore.OpenAsync(new PostgresDialect(connectionString), options, cancellationToken);
}

namespace Tracery.Storage.Sqlite;

using Tracery.Storage.Sql;

/// <summary>Opens the embedded backend: one SQLite file, created with its schema when missing.</summary>
public static class SqliteSpanStore
{
    public static Task<SqlSpanStore> OpenAsync(string path, StorageOptions? options = null, CancellationToken cancellationToken = default) =>
        SqlSpanStore.OpenAsync(new SqliteDialect(path), options, cancellationToken);
}

namespace Tracery.Storage.Sqlite;

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Tracery.Storage.Sql;

/// <summary>
/// One SQLite file in WAL mode: readers never wait for the writer, and a commit appends to the log
/// instead of rewriting pages. synchronous=NORMAL syncs the log only at checkpoints, not at each commit:
/// a commit survives a crash of the process, and only a power loss or OS crash can drop the last ones.
/// </summary>
sealed class SqliteDialect : ISqlDialect
{
    readonly string _connectionString;

    public SqliteDialect(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("sqlite storage needs a file path, as sqlite:PATH");
        Path = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(Path) is { } directory) Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    public string Description => $"sqlite:{Path}";

    public string BlobType => "BLOB";

    // One process owns the file and the store serialises its writers, so no lock is needed.
    public string? SchemaLockSql => null;

    public string KeyedTableOptions => " WITHOUT ROWID";

    public string Greatest => "MAX";

    public string Least => "MIN";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // journal_mode persists in the file; the rest is per connection, so it goes on every open (cheap):
        // a 32 MB page cache keeps a large store's index pages in memory between batches, and a 16 MB
        // log between checkpoints lets a page written by many batches be copied back (and synced) once.
        await connection.ExecuteAsync(null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=4000", cancellationToken);
        return connection;
    }

    // Only a new, empty file takes auto_vacuum; it lets size retention give deleted pages back to the
    // file system with incremental_vacuum. An older file keeps reusing its free pages instead.
    public Task BeforeSchemaAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(null, "PRAGMA auto_vacuum=INCREMENTAL", cancellationToken);

    public ISpanBatchWriter BatchWriter(DbConnection connection) => new SqliteSpanBatchWriter((SqliteConnection)connection);

    // Every insert says ON CONFLICT DO NOTHING, so a duplicate never fails a batch.
    public bool IsDuplicateKey(DbException error) => false;

    // Pages in use, not the file's length: free pages are reused before the file grows, so counting
    // them would make retention delete live traces to pay for space that is already free.
    public async Task<long> SizeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(null,
            "SELECT (p.page_count - f.freelist_count) * s.page_size FROM pragma_page_count() p, pragma_freelist_count() f, pragma_page_size() s");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    public Task AfterDeleteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(null, "PRAGMA incremental_vacuum", cancellationToken);

    /// <summary>Closes the pooled connections so the file can be moved or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}

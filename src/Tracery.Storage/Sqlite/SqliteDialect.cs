namespace Tracery.Storage.Sqlite;

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Tracery.Storage.Sql;

/// <summary>
/// One SQLite file in WAL mode: readers never wait for the writer, and a commit appends to the log
/// instead of rewriting pages. synchronous=NORMAL makes commits durable across a process crash (only a
/// power loss can drop the last transactions), which is the trade Zipkin's collectors make too.
/// </summary>
public sealed class SqliteDialect : ISqlDialect
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

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // journal_mode persists in the file; synchronous is per connection, so both go on every open (cheap).
        await connection.ExecuteAsync(null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", cancellationToken);
        return connection;
    }

    /// <summary>Closes the pooled connections so the file can be moved or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}

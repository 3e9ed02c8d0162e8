namespace Tracery.Storage.Sql;

using System.Data.Common;

/// <summary>
/// What differs between the SQL backends: how to connect, the binary column type, how schema creation
/// is serialised, the fastest way to add span rows, and how the store's size is measured. Every other
/// statement is written once, in SQL both SQLite and PostgreSQL accept.
/// </summary>
interface ISqlDialect : IAsyncDisposable
{
    /// <summary>Names the database in error messages, e.g. "sqlite:/var/lib/tracery/traces.db".</summary>
    string Description { get; }

    /// <summary>The column type of the span's JSON v2 bytes.</summary>
    string BlobType { get; }

    /// <summary>Ends CREATE TABLE of a table with only small rows, read by key (SQLite: WITHOUT ROWID, one B-tree instead of two).</summary>
    string KeyedTableOptions { get; }

    /// <summary>Runs first in the schema transaction so concurrent starts migrate once; null when not needed.</summary>
    string? SchemaLockSql { get; }

    /// <summary>The two-argument larger-of function (MAX in SQLite, GREATEST in PostgreSQL).</summary>
    string Greatest { get; }

    /// <summary>The two-argument smaller-of function (MIN in SQLite, LEAST in PostgreSQL).</summary>
    string Least { get; }

    /// <summary>An open connection with the dialect's per-connection settings applied.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Settings that must precede the first table, outside any transaction.</summary>
    Task BeforeSchemaAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The bulk path for batches on a connection the store keeps for writing.</summary>
    ISpanBatchWriter BatchWriter(DbConnection connection);

    /// <summary>True when a batch failed on an exact duplicate span, and is to be written again skipping duplicates.</summary>
    bool IsDuplicateKey(DbException error);

    /// <summary>The store's size in bytes, as size retention counts it.</summary>
    Task<long> SizeAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Gives space freed by a retention delete back, where the database can.</summary>
    Task AfterDeleteAsync(DbConnection connection, CancellationToken cancellationToken);
}

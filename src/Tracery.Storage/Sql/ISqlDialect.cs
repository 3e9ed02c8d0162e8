namespace Tracery.Storage.Sql;

using System.Data.Common;

/// <summary>
/// What differs between the SQL backends: how to connect, the binary column type and how schema
/// creation is serialised. Every query is written once, in SQL both SQLite and PostgreSQL accept.
/// </summary>
public interface ISqlDialect : IAsyncDisposable
{
    /// <summary>Names the database in error messages, e.g. "sqlite:/var/lib/tracery/traces.db".</summary>
    string Description { get; }

    /// <summary>The column type of the span's JSON v2 bytes.</summary>
    string BlobType { get; }

    /// <summary>Runs first in the schema transaction so concurrent starts migrate once; null when not needed.</summary>
    string? SchemaLockSql { get; }

    /// <summary>An open connection with the dialect's per-connection settings applied.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}

namespace Tracery.Storage.Sql;

using System.Data.Common;

/// <summary>
/// The connection a store writes on, kept open between batches with its batch writer (and so its
/// prepared statement or staging table). Dropped after any failure, so the next write starts clean.
/// </summary>
sealed class SqlWriteSession : IAsyncDisposable
{
    SqlWriteSession(DbConnection connection, ISpanBatchWriter spans)
    {
        Connection = connection;
        Batches = spans;
    }

    public DbConnection Connection { get; }

    public ISpanBatchWriter Batches { get; }

    public static async Task<SqlWriteSession> OpenAsync(ISqlDialect dialect, CancellationToken cancellationToken)
    {
        var connection = await dialect.OpenAsync(cancellationToken);
        return new SqlWriteSession(connection, dialect.BatchWriter(connection));
    }

    public async ValueTask DisposeAsync()
    {
        await Batches.DisposeAsync();
        await Connection.DisposeAsync();
    }
}

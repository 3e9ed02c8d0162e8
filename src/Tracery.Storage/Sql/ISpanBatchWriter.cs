namespace Tracery.Storage.Sql;

using System.Data.Common;

/// <summary>
/// Writes one batch inside the caller's transaction, the dialect's fastest way: span rows (skipping exact
/// duplicates), then the rows of the small per-trace and name tables. Bound to one connection, so it may
/// keep prepared statements or a staging table between batches.
/// </summary>
interface ISpanBatchWriter : IAsyncDisposable
{
    /// <param name="skipDuplicates">
    /// Set when the same batch failed with <see cref="ISqlDialect.IsDuplicateKey"/>: spans already stored must be skipped.
    /// </param>
    Task WriteAsync(DbTransaction transaction, IReadOnlyList<SpanRow> spans, IReadOnlyList<TableRows> tables, bool skipDuplicates, CancellationToken cancellationToken);
}

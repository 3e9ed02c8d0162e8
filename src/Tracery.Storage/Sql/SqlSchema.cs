namespace Tracery.Storage.Sql;

using System.Data.Common;

/// <summary>
/// The tables and indexes of the SQL backends, created on start and versioned in
/// <c>tracery_schema_version</c>: an older schema is migrated in the same transaction (under the
/// dialect's lock, so servers starting together migrate once), and a newer one is refused.
/// </summary>
static class SqlSchema
{
    public const int Version = 2;

    static IEnumerable<string> Tables(string blobType, string keyedTable) =>
    [
        "CREATE TABLE IF NOT EXISTS tracery_schema_version (version INTEGER NOT NULL)",
        // One row per distinct span: the JSON v2 bytes are the truth, the other columns describe them.
        // The hash of those bytes is in the key so exact duplicates collapse while a shared span's
        // client and server halves (same ids, different content) both stay. Only the key is indexed:
        // searches go through the per-trace tables below, which cost a write per trace, not per span.
        $"""
        CREATE TABLE IF NOT EXISTS tracery_spans (
            trace_low TEXT NOT NULL,
            trace_id TEXT NOT NULL,
            span_id TEXT NOT NULL,
            span_hash BIGINT NOT NULL,
            ts_ms BIGINT NOT NULL,
            service TEXT,
            remote_service TEXT,
            name TEXT,
            json {blobType} NOT NULL,
            PRIMARY KEY (trace_low, trace_id, span_id, span_hash))
        """,
        // A trace's time range (its oldest and newest span, ms, 0 when absent) and stored size: searches
        // walk it newest first, retention deletes from its oldest end.
        $"CREATE TABLE IF NOT EXISTS tracery_traces (trace_low TEXT PRIMARY KEY, min_ms BIGINT NOT NULL, max_ms BIGINT NOT NULL, bytes BIGINT NOT NULL){keyedTable}",
        "CREATE INDEX IF NOT EXISTS tracery_traces_newest ON tracery_traces (max_ms, trace_low)",
        // What a search can ask of a trace (SearchTerms): one row per distinct term per trace, keyed by
        // trace first so a batch's terms land together (few pages to write) and a search's probe of a
        // candidate trace is one key lookup.
        $"CREATE TABLE IF NOT EXISTS tracery_trace_terms (trace_low TEXT NOT NULL, term TEXT NOT NULL, PRIMARY KEY (trace_low, term)){keyedTable}",
        // Service, remote service and span names for the UI's lists; kind is s, r or n (SearchTerms).
        $"CREATE TABLE IF NOT EXISTS tracery_names (kind TEXT NOT NULL, service TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (kind, service, name)){keyedTable}",
        "CREATE TABLE IF NOT EXISTS tracery_autocomplete (tag_key TEXT NOT NULL, tag_value TEXT NOT NULL, PRIMARY KEY (tag_key, tag_value))",
    ];

    /// <summary>
    /// Version 1 indexed every span six times; version 2 moves that to per-trace tables. (SQLite needs a
    /// WHERE before ON CONFLICT in INSERT … SELECT, to tell it from a join's ON.)
    /// </summary>
    static IEnumerable<string> FromVersion1() =>
    [
        .. new[] { "ts", "service", "remote", "name", "remote_only", "name_only" }.Select(i => $"DROP INDEX IF EXISTS tracery_spans_{i}"),
        $"""
        INSERT INTO tracery_traces (trace_low, min_ms, max_ms, bytes)
        SELECT trace_low, MIN(ts_ms), MAX(ts_ms), SUM(LENGTH(json)) + COUNT(*) * {SpanBatch.RowOverheadBytes} FROM tracery_spans GROUP BY trace_low
        """,
        .. SearchTerms.FromSpansSql().Select(select => $"INSERT INTO tracery_trace_terms (term, trace_low) SELECT DISTINCT * FROM ({select}) AS t WHERE true ON CONFLICT DO NOTHING"),
        .. SearchTerms.NamesFromSpansSql().Select(select => $"INSERT INTO tracery_names (kind, service, name) SELECT DISTINCT * FROM ({select}) AS n WHERE true ON CONFLICT DO NOTHING"),
        $"UPDATE tracery_schema_version SET version = {Version}",
    ];

    public static async Task CreateAsync(ISqlDialect dialect, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await dialect.BeforeSchemaAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (dialect.SchemaLockSql is { } lockSql) await connection.ExecuteAsync(transaction, lockSql, cancellationToken);
        foreach (var statement in Tables(dialect.BlobType, dialect.KeyedTableOptions)) await connection.ExecuteAsync(transaction, statement, cancellationToken);

        await using var read = connection.Command(transaction, "SELECT MAX(version) FROM tracery_schema_version");
        var found = await read.ExecuteScalarAsync(cancellationToken);
        if (found is null or DBNull)
        {
            await connection.ExecuteAsync(transaction, $"INSERT INTO tracery_schema_version (version) VALUES ({Version})", cancellationToken);
        }
        else if (Convert.ToInt32(found) > Version)
        {
            throw new InvalidOperationException(
                $"{dialect.Description} has schema version {found}, newer than this Tracery supports ({Version}); upgrade Tracery");
        }
        else if (Convert.ToInt32(found) == 1)
        {
            foreach (var statement in FromVersion1()) await connection.ExecuteAsync(transaction, statement, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}

namespace Tracery.Storage.Sql;

using System.Data.Common;

/// <summary>
/// The tables and indexes of the SQL backends, created on start and versioned in
/// <c>tracery_schema_version</c> so a later release can migrate, and an older one refuses a newer schema.
/// </summary>
static class SqlSchema
{
    public const int Version = 1;

    static IEnumerable<string> Statements(string blobType) =>
    [
        "CREATE TABLE IF NOT EXISTS tracery_schema_version (version INTEGER NOT NULL)",
        // One row per distinct span: the JSON v2 bytes are the truth, the other columns index them.
        // The hash of those bytes is in the key so exact duplicates collapse while a shared span's
        // client and server halves (same ids, different content) both stay.
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
        "CREATE INDEX IF NOT EXISTS tracery_spans_ts ON tracery_spans (ts_ms, trace_low)",
        "CREATE INDEX IF NOT EXISTS tracery_spans_service ON tracery_spans (service, ts_ms, trace_low)",
        "CREATE INDEX IF NOT EXISTS tracery_spans_remote ON tracery_spans (service, remote_service, trace_low)",
        "CREATE INDEX IF NOT EXISTS tracery_spans_name ON tracery_spans (service, name, trace_low)",
        "CREATE INDEX IF NOT EXISTS tracery_spans_remote_only ON tracery_spans (remote_service, trace_low)",
        "CREATE INDEX IF NOT EXISTS tracery_spans_name_only ON tracery_spans (name, trace_low)",
        "CREATE TABLE IF NOT EXISTS tracery_autocomplete (tag_key TEXT NOT NULL, tag_value TEXT NOT NULL, PRIMARY KEY (tag_key, tag_value))",
    ];

    public static async Task CreateAsync(ISqlDialect dialect, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (dialect.SchemaLockSql is { } lockSql) await connection.ExecuteAsync(transaction, lockSql, cancellationToken);
        foreach (var statement in Statements(dialect.BlobType)) await connection.ExecuteAsync(transaction, statement, cancellationToken);

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
        await transaction.CommitAsync(cancellationToken);
    }
}

namespace Tracery.Storage.Postgres;

using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Tracery.Storage.Sql;

/// <summary>
/// Binary COPY of the span rows, then one round trip for the small tables: each an INSERT … SELECT
/// FROM unnest(arrays), whose text never changes, so Npgsql prepares it once per connection. COPY cannot
/// skip a duplicate key: a batch with an exact duplicate (a retried POST) fails, and is written again
/// with <c>skipDuplicates</c> through a staging table and ON CONFLICT DO NOTHING. Rows go in key order,
/// as every writer's do, so two servers writing the same trace wait for each other instead of deadlocking.
/// </summary>
sealed class PostgresSpanBatchWriter(NpgsqlConnection connection) : ISpanBatchWriter
{
    bool _staging;

    public async Task WriteAsync(DbTransaction transaction, IReadOnlyList<SpanRow> spans, IReadOnlyList<TableRows> tables, bool skipDuplicates, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)transaction);
        if (skipDuplicates)
        {
            if (!_staging)
            {
                // Per connection, emptied by every commit; LIKE copies the columns but no key.
                await connection.ExecuteAsync(transaction,
                    "CREATE TEMP TABLE IF NOT EXISTS tracery_spans_staging (LIKE tracery_spans) ON COMMIT DELETE ROWS", cancellationToken);
                _staging = true;
            }
            await CopyAsync(spans, "tracery_spans_staging", cancellationToken);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"INSERT INTO tracery_spans ({SpanRow.Columns}) SELECT {SpanRow.Columns} FROM tracery_spans_staging ORDER BY trace_low, trace_id, span_id, span_hash ON CONFLICT DO NOTHING"));
        }
        else
        {
            await CopyAsync(spans, "tracery_spans", cancellationToken);
        }
        foreach (var table in tables)
        {
            if (table.Rows.Count > 0) batch.BatchCommands.Add(Unnest(table));
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    async Task CopyAsync(IReadOnlyList<SpanRow> spans, string table, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({SpanRow.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        // Values go into Npgsql's buffer synchronously (it flushes when full); an await per value
        // costs more than the value.
        foreach (var row in spans)
        {
            var span = row.Span;
            copy.StartRow();
            copy.Write(row.LowTraceId, NpgsqlDbType.Text);
            copy.Write(span.TraceId, NpgsqlDbType.Text);
            copy.Write(span.Id, NpgsqlDbType.Text);
            copy.Write(row.Hash, NpgsqlDbType.Bigint);
            copy.Write(SpanRow.Millis(span), NpgsqlDbType.Bigint);
            WriteText(copy, span.LocalServiceName);
            WriteText(copy, span.RemoteServiceName);
            WriteText(copy, span.Name);
            copy.Write(row.Json, NpgsqlDbType.Bytea);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull();
        else copy.Write(value, NpgsqlDbType.Text);
    }

    /// <summary>INSERT … SELECT * FROM unnest(@c0::text[], @c1::bigint[], …): one array per column, typed by the first row.</summary>
    static NpgsqlBatchCommand Unnest(TableRows table)
    {
        var command = new NpgsqlBatchCommand();
        var columns = new List<string>();
        for (var i = 0; i < table.Rows[0].Length; i++)
        {
            var column = i;
            if (table.Rows[0][i] is long)
            {
                command.Parameters.Add(new NpgsqlParameter<long[]>($"c{i}", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. table.Rows.Select(r => (long)r[column])] });
                columns.Add($"@c{i}::bigint[]");
            }
            else
            {
                command.Parameters.Add(new NpgsqlParameter<string[]>($"c{i}", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. table.Rows.Select(r => (string)r[column])] });
                columns.Add($"@c{i}::text[]");
            }
        }
        command.CommandText = $"{table.InsertInto} SELECT * FROM unnest({string.Join(", ", columns)}) {table.OnConflict}";
        return command;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

namespace Tracery.Storage.Sqlite;

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Tracery.Storage.Sql;

/// <summary>
/// Prepared single-row INSERTs, compiled once per writer connection and run for every row: SQLite
/// executes in-process, so a row costs a bind and a step, with no statement text to build or parse.
/// The span INSERT always skips duplicates, so <c>skipDuplicates</c> changes nothing.
/// SQLite runs in the calling thread either way, so the synchronous calls skip async machinery per row.
/// </summary>
sealed class SqliteSpanBatchWriter(SqliteConnection connection) : ISpanBatchWriter
{
    readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    public Task WriteAsync(DbTransaction transaction, IReadOnlyList<SpanRow> spans, IReadOnlyList<TableRows> tables, bool skipDuplicates, CancellationToken cancellationToken)
    {
        var insert = Prepared($"INSERT INTO tracery_spans ({SpanRow.Columns})", "ON CONFLICT DO NOTHING", [0, 1, 2, 3L, 4L, 5, 6, 7, Array.Empty<byte>()], transaction);
        var values = insert.Parameters;
        foreach (var row in spans)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var span = row.Span;
            values[0].Value = row.LowTraceId;
            values[1].Value = span.TraceId;
            values[2].Value = span.Id;
            values[3].Value = row.Hash;
            values[4].Value = SpanRow.Millis(span);
            values[5].Value = (object?)span.LocalServiceName ?? DBNull.Value;
            values[6].Value = (object?)span.RemoteServiceName ?? DBNull.Value;
            values[7].Value = (object?)span.Name ?? DBNull.Value;
            values[8].Value = row.Json;
            insert.ExecuteNonQuery();
        }
        foreach (var table in tables)
        {
            if (table.Rows.Count == 0) continue;
            var command = Prepared(table.InsertInto, table.OnConflict, table.Rows[0], transaction);
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < row.Length; i++) command.Parameters[i].Value = row[i];
                command.ExecuteNonQuery();
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The single-row statement, typed by an example row (long → INTEGER, byte[] → BLOB, else TEXT).</summary>
    SqliteCommand Prepared(string insertInto, string onConflict, object[] example, DbTransaction transaction)
    {
        if (!_prepared.TryGetValue(insertInto, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = $"{insertInto} VALUES ({string.Join(", ", example.Select((_, i) => "$" + i))}) {onConflict}";
            for (var i = 0; i < example.Length; i++)
            {
                command.Parameters.Add("$" + i, example[i] switch { long => SqliteType.Integer, byte[] => SqliteType.Blob, _ => SqliteType.Text });
            }
            _prepared.Add(insertInto, command);
        }
        command.Transaction = (SqliteTransaction)transaction;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values) await command.DisposeAsync();
    }
}

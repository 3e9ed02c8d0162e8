namespace Tracery.Storage.Sql;

public sealed partial class SqlSpanStore
{
    // Retention deletes this many traces per transaction, releasing the write gate between them so
    // ingest keeps flowing during a long sweep.
    const int TracesPerDelete = 500;
    const int TracesPerRound = 20_000;

    /// <summary>Deletes whole traces whose newest span is older than <paramref name="cutoffMillis"/>; returns the spans deleted.</summary>
    public async Task<int> DeleteTracesOlderThanAsync(long cutoffMillis, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        while (true)
        {
            var spans = await WriteAsync(async writer =>
            {
                await using var command = writer.Connection.Command(null,
                    $"SELECT trace_low FROM tracery_traces WHERE max_ms < @cutoff ORDER BY max_ms, trace_low LIMIT {TracesPerDelete}");
                command.Add("@cutoff", cutoffMillis);
                var expired = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken)) expired.Add(reader.GetString(0));
                }
                return expired.Count == 0 ? -1 : await DeleteTracesAsync(writer, expired, cancellationToken);
            }, cancellationToken);
            if (spans < 0) return deleted;
            deleted += spans;
        }
    }

    /// <summary>The store's size in bytes as size retention measures it (see the dialects).</summary>
    public Task<long> SizeAsync(CancellationToken cancellationToken = default) =>
        WriteAsync(writer => _dialect.SizeAsync(writer.Connection, cancellationToken), cancellationToken);

    /// <summary>
    /// While the store is larger than <paramref name="maxBytes"/> (as the dialect measures it), deletes
    /// whole traces, those with the oldest newest span first; returns the spans deleted.
    /// </summary>
    public async Task<int> DeleteOldestTracesOverAsync(long maxBytes, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        // Each round re-measures: SQLite frees whole pages only, so a delete may shrink it less than counted.
        for (var round = 0; round < 8; round++)
        {
            var spans = await WriteAsync(async writer =>
            {
                var size = await _dialect.SizeAsync(writer.Connection, cancellationToken);
                if (size <= maxBytes) return -1;
                await using var sum = writer.Connection.Command(null, "SELECT COALESCE(SUM(bytes), 0) FROM tracery_traces");
                var counted = Convert.ToInt64(await sum.ExecuteScalarAsync(cancellationToken));
                if (counted == 0) return -1;
                // The excess as a share of the size, in the traces' own byte counts (the same unit on PostgreSQL).
                var toFree = (long)Math.Ceiling((size - maxBytes) * (double)counted / size);
                var oldest = await OldestTracesAsync(writer, toFree, cancellationToken);
                var count = 0;
                foreach (var chunk in oldest.Chunk(TracesPerDelete)) count += await DeleteTracesAsync(writer, chunk, cancellationToken);
                await _dialect.AfterDeleteAsync(writer.Connection, cancellationToken);
                return count;
            }, cancellationToken);
            if (spans < 0) break;
            deleted += spans;
        }
        return deleted;
    }

    /// <summary>The fewest traces, oldest by newest span, whose counted bytes reach <paramref name="bytes"/>.</summary>
    static async Task<List<string>> OldestTracesAsync(SqlWriteSession writer, long bytes, CancellationToken cancellationToken)
    {
        var oldest = new List<string>();
        // Bounded, so the database walks the index instead of sorting the table; a larger excess takes more rounds.
        await using var command = writer.Connection.Command(null, $"SELECT trace_low, bytes FROM tracery_traces ORDER BY max_ms, trace_low LIMIT {TracesPerRound}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (bytes > 0 && await reader.ReadAsync(cancellationToken))
        {
            oldest.Add(reader.GetString(0));
            bytes -= reader.GetInt64(1);
        }
        return oldest;
    }

    static async Task<int> DeleteTracesAsync(SqlWriteSession writer, IReadOnlyList<string> lowTraceIds, CancellationToken cancellationToken)
    {
        var connection = writer.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var spans = 0;
        foreach (var table in (string[])["tracery_spans", "tracery_trace_terms", "tracery_traces"])
        {
            await using var command = connection.Command(transaction, "");
            command.CommandText = $"DELETE FROM {table} WHERE trace_low IN ({command.AddList("id", lowTraceIds)})";
            var rows = await command.ExecuteNonQueryAsync(cancellationToken);
            if (table == "tracery_spans") spans = rows;
        }
        await transaction.CommitAsync(cancellationToken);
        return spans;
    }
}

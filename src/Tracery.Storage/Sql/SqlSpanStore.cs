namespace Tracery.Storage.Sql;

using System.Data.Common;
using System.Text;
using Tracery.Storage.Retention;
using Tracery.Tracing.Model;

/// <summary>
/// A span store over a SQL database (SQLite or PostgreSQL, by <see cref="ISqlDialect"/>). Spans are
/// JSON v2 blobs beside indexed columns; SQL narrows searches to candidate traces by those columns and
/// the shared <see cref="Query.TraceMatcher"/> then applies Zipkin's exact rule, so every backend answers
/// alike. Holds no state but the connection settings: several stores may share one database.
/// </summary>
public sealed partial class SqlSpanStore : ISpanStore, IExpiringStore, IAsyncDisposable
{
    // 9 columns x 100 rows stays far below both databases' parameter limits.
    const int RowsPerInsert = 100;

    readonly ISqlDialect _dialect;
    readonly StorageOptions _options;
    readonly HashSet<string> _autocompleteKeys;
    // Writers queue here rather than in the database: SQLite allows one writer, and waiting on a
    // semaphore is cheaper than its busy-retry loop. PostgreSQL instances elsewhere are unaffected.
    readonly SemaphoreSlim _writeGate = new(1, 1);
    readonly RetentionSweeper? _sweeper;

    SqlSpanStore(ISqlDialect dialect, StorageOptions options, TimeProvider time)
    {
        _dialect = dialect;
        _options = options;
        _autocompleteKeys = new HashSet<string>(options.AutocompleteKeys, StringComparer.Ordinal);
        if (options.Retention is { } age)
        {
            // Sweeping ten times per retention period (at most hourly) keeps data at most 10% past its age.
            var interval = TimeSpan.FromTicks(Math.Min(age.Ticks / 10, TimeSpan.TicksPerHour));
            _sweeper = new RetentionSweeper(this, age, interval, time,
                error => Console.Error.WriteLine($"tracery: retention sweep of {dialect.Description} failed, retrying later: {error.Message}"));
        }
    }

    /// <summary>Creates or migrates the schema, then returns the store. Owns <paramref name="dialect"/>.</summary>
    public static async Task<SqlSpanStore> OpenAsync(
        ISqlDialect dialect, StorageOptions? options = null, CancellationToken cancellationToken = default, TimeProvider? time = null)
    {
        var validated = (options ?? new StorageOptions()).Validate();
        try
        {
            await SqlSchema.CreateAsync(dialect, cancellationToken);
        }
        catch (DbException error)
        {
            await dialect.DisposeAsync();
            throw new InvalidOperationException($"cannot open storage {dialect.Description}: {error.Message}", error);
        }
        return new SqlSpanStore(dialect, validated, time ?? TimeProvider.System);
    }

    public async ValueTask AcceptAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0) return;
        var rows = spans.Select(SpanRow.From).ToList();
        var tags = AutocompleteTags(spans);

        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _dialect.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var chunk in rows.Chunk(RowsPerInsert)) await InsertSpansAsync(connection, transaction, chunk, cancellationToken);
            foreach (var chunk in tags.Chunk(RowsPerInsert)) await InsertTagsAsync(connection, transaction, chunk, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    static async Task InsertSpansAsync(DbConnection connection, DbTransaction transaction, SpanRow[] rows, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, "");
        var sql = new StringBuilder($"INSERT INTO tracery_spans ({SpanRow.Columns}) VALUES ");
        for (var i = 0; i < rows.Length; i++)
        {
            var (span, json, hash) = rows[i];
            if (i > 0) sql.Append(", ");
            sql.Append($"(@l{i}, @t{i}, @s{i}, @h{i}, @ts{i}, @sv{i}, @r{i}, @n{i}, @j{i})");
            command.Add($"@l{i}", TraceIds.LowBits(span.TraceId));
            command.Add($"@t{i}", span.TraceId);
            command.Add($"@s{i}", span.Id);
            command.Add($"@h{i}", hash);
            command.Add($"@ts{i}", SpanRow.Millis(span));
            command.Add($"@sv{i}", span.LocalServiceName);
            command.Add($"@r{i}", span.RemoteServiceName);
            command.Add($"@n{i}", span.Name);
            command.Add($"@j{i}", json);
        }
        command.CommandText = sql.Append(" ON CONFLICT DO NOTHING").ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    static async Task InsertTagsAsync(DbConnection connection, DbTransaction transaction, (string Key, string Value)[] tags, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, "");
        var values = new List<string>();
        for (var i = 0; i < tags.Length; i++)
        {
            values.Add($"(@k{i}, @v{i})");
            command.Add($"@k{i}", tags[i].Key);
            command.Add($"@v{i}", tags[i].Value);
        }
        command.CommandText = $"INSERT INTO tracery_autocomplete (tag_key, tag_value) VALUES {string.Join(", ", values)} ON CONFLICT DO NOTHING";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    List<(string Key, string Value)> AutocompleteTags(IReadOnlyList<Span> spans)
    {
        if (_autocompleteKeys.Count == 0 || !_options.SearchEnabled) return [];
        return spans.SelectMany(s => s.Tags).Where(t => _autocompleteKeys.Contains(t.Key)).Select(t => (t.Key, t.Value)).Distinct().ToList();
    }

    /// <summary>Deletes whole traces whose newest span is older than <paramref name="cutoffMillis"/>.</summary>
    public async Task<int> DeleteTracesOlderThanAsync(long cutoffMillis, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _dialect.OpenAsync(cancellationToken);
            await using var command = connection.Command(null,
                "DELETE FROM tracery_spans WHERE trace_low IN (SELECT trace_low FROM tracery_spans GROUP BY trace_low HAVING MAX(ts_ms) < @cutoff)");
            command.Add("@cutoff", cutoffMillis);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sweeper is not null) await _sweeper.DisposeAsync();
        await _dialect.DisposeAsync();
        _writeGate.Dispose();
    }
}

namespace Tracery.Storage.Sql;

using System.Data.Common;
using Tracery.Tracing.Model;

public sealed partial class SqlSpanStore
{
    /// <summary>
    /// One transaction per call: span rows by the dialect's bulk path, then each touched trace's range,
    /// its search terms, and only the names and autocomplete values not written before. Returns after
    /// the commit, so a span that got 202 and was written is in the database.
    /// </summary>
    public async ValueTask AcceptAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0) return;
        var batch = SpanBatch.From(spans, _options.SearchEnabled, _autocompleteKeys);
        try
        {
            await WriteAsync(writer => WriteBatchAsync(writer, batch, skipDuplicates: false, cancellationToken), cancellationToken);
        }
        catch (DbException error) when (_dialect.IsDuplicateKey(error))
        {
            // Rare (a retried POST, or two servers given the same span): the failed transaction left nothing.
            await WriteAsync(writer => WriteBatchAsync(writer, batch, skipDuplicates: true, cancellationToken), cancellationToken);
        }
    }

    async Task<int> WriteBatchAsync(SqlWriteSession writer, SpanBatch batch, bool skipDuplicates, CancellationToken cancellationToken)
    {
        var names = batch.Names.Where(n => !_knownNames.Contains(n)).ToList();
        var tags = batch.Tags.Where(t => !_knownTags.Contains(t)).ToList();
        await using var transaction = await writer.Connection.BeginTransactionAsync(cancellationToken);
        await writer.Batches.WriteAsync(transaction, batch.Spans,
        [
            new TableRows("INSERT INTO tracery_traces (trace_low, min_ms, max_ms, bytes)",
                $"ON CONFLICT (trace_low) DO UPDATE SET min_ms = {_dialect.Least}(tracery_traces.min_ms, excluded.min_ms), " +
                $"max_ms = {_dialect.Greatest}(tracery_traces.max_ms, excluded.max_ms), bytes = tracery_traces.bytes + excluded.bytes",
                [.. batch.Traces.Select(t => new object[] { t.LowTraceId, t.MinMillis, t.MaxMillis, t.Bytes })]),
            new TableRows("INSERT INTO tracery_trace_terms (trace_low, term)", "ON CONFLICT DO NOTHING", [.. batch.Terms.Select(t => new object[] { t.LowTraceId, t.Term })]),
            new TableRows("INSERT INTO tracery_names (kind, service, name)", "ON CONFLICT DO NOTHING", [.. names.Select(n => new object[] { n.Kind, n.Service, n.Name })]),
            new TableRows("INSERT INTO tracery_autocomplete (tag_key, tag_value)", "ON CONFLICT DO NOTHING", [.. tags.Select(t => new object[] { t.Key, t.Value })]),
        ], skipDuplicates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // Remembered only once committed: after a rollback they are written again.
        Remember(_knownNames, names);
        Remember(_knownTags, tags);
        return 0;
    }

    static void Remember<T>(HashSet<T> known, List<T> added)
    {
        if (known.Count + added.Count > MaxRemembered) known.Clear();
        known.UnionWith(added);
    }
}

namespace Tracery.Storage.Sql;

using System.Data.Common;
using Tracery.Storage.Retention;
using Tracery.Tracing.Model;

/// <summary>
/// A span store over a SQL database (SQLite or PostgreSQL, by <see cref="ISqlDialect"/>). Spans are
/// JSON v2 blobs keyed by trace; per-trace tables (time range, search terms) narrow searches to candidate
/// traces, and the shared <see cref="Query.TraceMatcher"/> then applies Zipkin's exact rule, so every
/// backend answers alike. Several stores (servers) may share one PostgreSQL database.
/// </summary>
public sealed partial class SqlSpanStore : ISpanStore, IExpiringStore, IAsyncDisposable
{
    // Names and autocomplete values already written are remembered so a batch writes only new ones;
    // past this many the memory is dropped and rebuilt as batches come (a rewrite is harmless).
    const int MaxRemembered = 100_000;

    readonly ISqlDialect _dialect;
    readonly StorageOptions _options;
    readonly HashSet<string> _autocompleteKeys;
    // Writers queue here rather than in the database: SQLite allows one writer, and waiting on a
    // semaphore is cheaper than its busy-retry loop. PostgreSQL instances elsewhere are unaffected.
    readonly SemaphoreSlim _writeGate = new(1, 1);
    readonly HashSet<(string Kind, string Service, string Name)> _knownNames = [];
    readonly HashSet<(string Key, string Value)> _knownTags = [];
    readonly RetentionSweeper? _sweeper;
    SqlWriteSession? _writer;

    SqlSpanStore(ISqlDialect dialect, StorageOptions options, TimeProvider time)
    {
        _dialect = dialect;
        _options = options;
        _autocompleteKeys = new HashSet<string>(options.AutocompleteKeys, StringComparer.Ordinal);
        if (RetentionPolicy.From(options) is { } policy)
        {
            _sweeper = new RetentionSweeper(this, policy, time,
                error => Console.Error.WriteLine($"tracery: retention sweep of {dialect.Description} failed, retrying later: {error.Message}"));
        }
    }

    /// <summary>Creates or migrates the schema, then returns the store. Owns <paramref name="dialect"/>.</summary>
    internal static async Task<SqlSpanStore> OpenAsync(
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

    /// <summary>Runs <paramref name="work"/> alone on the write connection, which is reopened after a failure.</summary>
    async Task<T> WriteAsync<T>(Func<SqlWriteSession, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            _writer ??= await SqlWriteSession.OpenAsync(_dialect, cancellationToken);
            return await work(_writer);
        }
        catch
        {
            if (_writer is not null) await _writer.DisposeAsync();
            _writer = null;
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sweeper is not null) await _sweeper.DisposeAsync();
        await _writeGate.WaitAsync();
        if (_writer is not null) await _writer.DisposeAsync();
        _writer = null;
        await _dialect.DisposeAsync();
        _writeGate.Dispose();
    }
}

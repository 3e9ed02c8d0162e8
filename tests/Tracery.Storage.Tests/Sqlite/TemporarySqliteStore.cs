namespace Tracery.Storage.Tests.Sqlite;

using Tracery.Storage.Query;
using Tracery.Storage.Sql;
using Tracery.Storage.Sqlite;
using Tracery.Tracing.Model;

/// <summary>A SQLite store in its own temporary file, deleted (with its WAL files) when disposed.</summary>
sealed class TemporarySqliteStore(SqlSpanStore inner, string path) : ISpanStore, IAsyncDisposable
{
    public SqlSpanStore Inner { get; } = inner;

    public string Path { get; } = path;

    public static string NewPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tracery-test-{Guid.NewGuid():N}.db");

    public static async Task<ISpanStore> CreateAsync(StorageOptions options)
    {
        var path = NewPath();
        return new TemporarySqliteStore(await SqliteSpanStore.OpenAsync(path, options), path);
    }

    public static void Delete(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }

    public async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync();
        Delete(Path);
    }

    public ValueTask AcceptAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken = default) => Inner.AcceptAsync(spans, cancellationToken);

    public ValueTask<IReadOnlyList<IReadOnlyList<Span>>> GetTracesAsync(QueryRequest request, CancellationToken cancellationToken = default) =>
        Inner.GetTracesAsync(request, cancellationToken);

    public ValueTask<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default) =>
        Inner.GetTraceAsync(traceId, cancellationToken);

    public ValueTask<IReadOnlyList<IReadOnlyList<Span>>> GetTracesAsync(IEnumerable<string> traceIds, CancellationToken cancellationToken = default) =>
        Inner.GetTracesAsync(traceIds, cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetServiceNamesAsync(CancellationToken cancellationToken = default) => Inner.GetServiceNamesAsync(cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetRemoteServiceNamesAsync(string serviceName, CancellationToken cancellationToken = default) =>
        Inner.GetRemoteServiceNamesAsync(serviceName, cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetSpanNamesAsync(string serviceName, CancellationToken cancellationToken = default) =>
        Inner.GetSpanNamesAsync(serviceName, cancellationToken);

    public ValueTask<IReadOnlyList<DependencyLink>> GetDependenciesAsync(long endTs, long lookback, CancellationToken cancellationToken = default) =>
        Inner.GetDependenciesAsync(endTs, lookback, cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetAutocompleteKeysAsync(CancellationToken cancellationToken = default) => Inner.GetAutocompleteKeysAsync(cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetAutocompleteValuesAsync(string key, CancellationToken cancellationToken = default) =>
        Inner.GetAutocompleteValuesAsync(key, cancellationToken);
}

namespace Tracery.Server.Hosting;

using Tracery.Storage;
using Tracery.Storage.Memory;
using Tracery.Storage.Postgres;
using Tracery.Storage.Sqlite;

/// <summary>
/// The one place the server chooses its storage backend from <see cref="TraceServerOptions.StorageType"/>:
/// mem, sqlite[:PATH], postgres (from <see cref="TraceServerOptions.Postgres"/>), postgres://… or postgres:CONNECTION-STRING.
/// </summary>
public static class SpanStoreFactory
{
    public const string DatabaseFileName = "traces.db";

    public static ISpanStore Create(TraceServerOptions options)
    {
        var storage = new StorageOptions
        {
            StrictTraceId = options.StrictTraceId,
            SearchEnabled = options.SearchEnabled,
            AutocompleteKeys = options.AutocompleteKeys,
            MaxSpanCount = options.MaxSpans,
            Retention = options.Retention,
            RetentionSize = options.RetentionSize,
        }.Validate();
        var (kind, target) = StorageTypes.Split(options.StorageType);
        // Stores open once, at server start, before anything else runs: blocking here is harmless and
        // keeps the factory's signature (and every caller that passes its own) synchronous.
        return (kind, target) switch
        {
            ("mem" or "memory", null) => new MemorySpanStore(storage),
            ("sqlite", _) => SqliteSpanStore.OpenAsync(target ?? Path.Combine(options.DataDirectory, DatabaseFileName), storage).GetAwaiter().GetResult(),
            ("postgres" or "postgresql", null or { Length: > 0 }) => PostgresSpanStore.OpenAsync(PostgresTarget(options, target), storage).GetAwaiter().GetResult(),
            _ => throw new ArgumentException($"storage type must be {StorageTypes.Expected}, not \"{options.StorageType}\""),
        };
    }

    /// <summary>A URL as given, a connection string after "postgres:", or the POSTGRES_* settings for a bare "postgres".</summary>
    private static string PostgresTarget(TraceServerOptions options, string? target) => target switch
    {
        null => options.Postgres.ConnectionString(),
        _ when target.StartsWith("//", StringComparison.Ordinal) => options.StorageType.Trim(),
        _ => target,
    };
}

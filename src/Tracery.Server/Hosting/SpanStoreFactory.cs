namespace Tracery.Server.Hosting;

using Tracery.Storage;
using Tracery.Storage.Memory;
using Tracery.Storage.Postgres;
using Tracery.Storage.Sqlite;

/// <summary>
/// The one place the server chooses its storage backend from <see cref="TraceServerOptions.StorageType"/>:
/// mem, sqlite[:PATH], postgres://… or postgres:CONNECTION-STRING.
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
        var type = options.StorageType.Trim();
        var colon = type.IndexOf(':');
        var (kind, target) = colon < 0 ? (type, null) : (type[..colon], type[(colon + 1)..]);
        // Stores open once, at server start, before anything else runs: blocking here is harmless and
        // keeps the factory's signature (and every caller that passes its own) synchronous.
        return kind.ToLowerInvariant() switch
        {
            "mem" or "memory" when target is null => new MemorySpanStore(storage),
            "sqlite" => SqliteSpanStore.OpenAsync(target ?? Path.Combine(options.DataDirectory, DatabaseFileName), storage).GetAwaiter().GetResult(),
            "postgres" or "postgresql" when target is { Length: > 0 } => PostgresSpanStore.OpenAsync(
                target.StartsWith("//", StringComparison.Ordinal) ? type : target, storage).GetAwaiter().GetResult(),
            _ => throw new ArgumentException($"storage type must be mem, sqlite[:PATH] or postgres://user:pass@host:port/db, not \"{options.StorageType}\""),
        };
    }
}

namespace Tracery.Server.Hosting;

using Tracery.Storage;
using Tracery.Storage.Memory;

/// <summary>
/// The one place the server chooses its storage backend, so adding one (SQLite, PostgreSQL) is a
/// case here and an option in the command.
/// </summary>
public static class SpanStoreFactory
{
    public static ISpanStore Create(TraceServerOptions options) => options.StorageType.ToLowerInvariant() switch
    {
        "mem" or "memory" => new MemorySpanStore(new StorageOptions
        {
            StrictTraceId = options.StrictTraceId,
            SearchEnabled = options.SearchEnabled,
            AutocompleteKeys = options.AutocompleteKeys,
            MaxSpanCount = options.MaxSpans,
        }.Validate()),
        _ => throw new ArgumentException($"storage type must be mem, not \"{options.StorageType}\""),
    };
}

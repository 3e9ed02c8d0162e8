namespace Tracery.Server.Hosting;

using Tracery.Storage;

/// <summary>
/// The one place the server chooses its storage backend, so adding one (SQLite, PostgreSQL) is a
/// case here and an option in the command.
/// </summary>
public static class SpanStoreFactory
{
    public static ISpanStore Create(TraceServerOptions options) => options.StorageType.ToLowerInvariant() switch
    {
        "mem" or "memory" => throw new NotImplementedException("memory store pending"),
        _ => throw new ArgumentException($"storage type must be mem, not \"{options.StorageType}\""),
    };
}

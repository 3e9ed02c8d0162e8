namespace Tracery.Server.Hosting;

/// <summary>The storage types <see cref="SpanStoreFactory"/> knows, checked where a setting names one.</summary>
public static class StorageTypes
{
    public const string Expected = "mem, sqlite, sqlite:PATH, postgres, postgres://user:pass@host:port/db or postgres:CONNECTION-STRING";

    /// <summary>The backend's name and what follows its colon, if anything: "sqlite:/x.db" is ("sqlite", "/x.db").</summary>
    public static (string Kind, string? Target) Split(string storageType)
    {
        var type = storageType.Trim();
        var colon = type.IndexOf(':');
        return colon < 0 ? (type.ToLowerInvariant(), null) : (type[..colon].ToLowerInvariant(), type[(colon + 1)..]);
    }

    /// <summary>The value, or an <see cref="ArgumentException"/> naming the setting when no backend has that name.</summary>
    public static string Check(string setting, string storageType) =>
        Split(storageType) switch
        {
            ("mem" or "memory", null) or ("sqlite", _) or ("postgres" or "postgresql", null or { Length: > 0 }) => storageType,
            _ => throw new ArgumentException($"{setting} must be {Expected}, not \"{storageType}\""),
        };
}

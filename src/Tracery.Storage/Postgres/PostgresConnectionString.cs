namespace Tracery.Storage.Postgres;

using Npgsql;

/// <summary>Reads either a URL (postgres://user:pass@host:port/db) or an Npgsql connection string.</summary>
public static class PostgresConnectionString
{
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("postgres storage needs a connection string or postgres:// URL");
        if (!text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(text);
            }
            catch (ArgumentException error)
            {
                throw new ArgumentException($"invalid postgres connection string: {error.Message}", error);
            }
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException($"invalid postgres URL \"{text}\": expected postgres://user:pass@host:port/db");
        }
        var user = uri.UserInfo.Split(':', 2);
        var database = uri.AbsolutePath.Trim('/');
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Username = user[0].Length == 0 ? null : Uri.UnescapeDataString(user[0]),
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
            Database = database.Length == 0 ? null : Uri.UnescapeDataString(database),
        };
    }
}

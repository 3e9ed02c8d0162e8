namespace Tracery.Server.Hosting;

using System.Data.Common;
using System.Globalization;

/// <summary>
/// Where `STORAGE_TYPE=postgres` (or `--storage postgres`) connects, from the POSTGRES_* variables that
/// mirror Zipkin's MYSQL_* ones. A postgres:// URL or connection string in the storage type wins over these.
/// </summary>
public sealed record PostgresSettings
{
    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 5432;

    /// <summary>Null leaves the user to Npgsql (PGUSER, else the operating system's user).</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    public string Database { get; init; } = "tracery";

    /// <summary>The connection pool's size, as Zipkin's MYSQL_MAX_CONNECTIONS (default 10).</summary>
    public int MaxConnections { get; init; } = 10;

    /// <summary>True requires TLS, false refuses it; null leaves Npgsql's default (TLS when the server offers it).</summary>
    public bool? UseSsl { get; init; }

    /// <summary>An Npgsql connection string; values are quoted by the generic builder, so a password may hold ';'.</summary>
    public string ConnectionString()
    {
        var builder = new DbConnectionStringBuilder
        {
            ["Host"] = Host,
            ["Port"] = Port.ToString(CultureInfo.InvariantCulture),
            ["Database"] = Database,
            ["Maximum Pool Size"] = MaxConnections.ToString(CultureInfo.InvariantCulture),
        };
        if (User is not null)
        {
            builder["Username"] = User;
        }
        if (Password is not null)
        {
            builder["Password"] = Password;
        }
        if (UseSsl is { } ssl)
        {
            builder["SSL Mode"] = ssl ? "Require" : "Disable";
        }
        return builder.ConnectionString;
    }
}

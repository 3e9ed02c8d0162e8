namespace Tracery.Server.Hosting;

using System.Net;

/// <summary>Reads the POSTGRES_* variables (Zipkin's MYSQL_* names, for PostgreSQL); a bad value names its variable.</summary>
internal static class PostgresEnvironment
{
    public static PostgresSettings Apply(PostgresSettings settings, Func<string, string?> get) => settings with
    {
        Host = get("POSTGRES_HOST")?.Trim() ?? settings.Host,
        Port = get("POSTGRES_TCP_PORT") is { } port ? SettingText.Int("POSTGRES_TCP_PORT", port, 1, IPEndPoint.MaxPort) : settings.Port,
        User = get("POSTGRES_USER") ?? settings.User,
        Password = get("POSTGRES_PASS") ?? settings.Password,
        Database = get("POSTGRES_DB")?.Trim() ?? settings.Database,
        MaxConnections = get("POSTGRES_MAX_CONNECTIONS") is { } max ? SettingText.Int("POSTGRES_MAX_CONNECTIONS", max, 1) : settings.MaxConnections,
        UseSsl = get("POSTGRES_USE_SSL") is { } ssl ? SettingText.Bool("POSTGRES_USE_SSL", ssl) : settings.UseSsl,
    };
}

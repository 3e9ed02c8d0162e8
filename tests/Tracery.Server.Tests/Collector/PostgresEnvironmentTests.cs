namespace Tracery.Server.Tests.Collector;

using Npgsql;
using Tracery.Server.Hosting;
using Tracery.Server.Tests.Hosting;

/// <summary>STORAGE_TYPE=postgres with the POSTGRES_* variables reaches a real database, as Zipkin's MYSQL_* do.</summary>
public sealed class PostgresEnvironmentTests
{
    [Fact]
    public async Task ZipkinStyleVariables_OpenThePostgresStore()
    {
        await using var database = await TestDatabase.CreateAsync();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionStringVia(database.EndPoint.Port));
        var options = EnvironmentSettings.Apply(TestServers.Loopback, new Dictionary<string, string?>
        {
            ["STORAGE_TYPE"] = "postgres", ["POSTGRES_HOST"] = server.Host, ["POSTGRES_TCP_PORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["POSTGRES_USER"] = server.Username, ["POSTGRES_PASS"] = server.Password, ["POSTGRES_DB"] = database.Name,
            ["POSTGRES_MAX_CONNECTIONS"] = "4", ["POSTGRES_USE_SSL"] = "false",
        });

        await using var running = await TraceServer.StartAsync(options, CancellationToken.None);
        using var client = running.Client();
        var traceId = Random.Shared.NextInt64(1, long.MaxValue).ToString("x16");
        await SampleSpans.PostAsync(client, SampleSpans.Trace(traceId, SampleSpans.NowMicros));

        await SampleSpans.StoredAsync(client, traceId);
        Assert.Equal("SqlSpanStore", running.Store.GetType().Name);
    }
}

namespace Tracery.Server.Tests.Hosting;

using Tracery.Server.Hosting;

public sealed class EnvironmentSettingsTests
{
    private static TraceServerOptions Apply(params (string Name, string Value)[] variables) =>
        EnvironmentSettings.Apply(new TraceServerOptions(), variables.ToDictionary(v => v.Name, v => (string?)v.Value));

    [Fact]
    public void ZipkinVariablesSetTheirOptions()
    {
        var options = Apply(
            ("QUERY_PORT", "9500"), ("COLLECTOR_PORT", "9501"), ("COLLECTOR_SAMPLE_RATE", "0.25"), ("MEM_MAX_SPANS", "1000"),
            ("QUERY_LOOKBACK", "60000"), ("QUERY_TIMEOUT", "500ms"), ("STRICT_TRACE_ID", "false"), ("COLLECTOR_SCRIBE_ENABLED", "FALSE"),
            ("AUTOCOMPLETE_KEYS", "http.method, environment"), ("SEARCH_ENABLED", "false"), ("SCRIBE_CATEGORY", "spans"), ("STORAGE_TYPE", "mem"));

        Assert.Equal(9500, options.HttpEndpoint.Port);
        Assert.Equal(9501, options.ScribeEndpoint.Port);
        Assert.Equal(0.25, options.SampleRate);
        Assert.Equal(1000, options.MaxSpans);
        Assert.Equal(TimeSpan.FromMinutes(1), options.QueryLookback);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.QueryTimeout);
        Assert.False(options.StrictTraceId);
        Assert.False(options.ScribeEnabled);
        Assert.Equal(["http.method", "environment"], options.AutocompleteKeys);
        Assert.False(options.SearchEnabled);
        Assert.Equal("spans", options.ScribeCategory);
    }

    [Fact]
    public void UnsetOrEmptyVariablesKeepDefaults()
    {
        var options = Apply(("QUERY_PORT", ""), ("UNRELATED", "x"));

        Assert.Equal(new TraceServerOptions() with { StoreFactory = options.StoreFactory }, options);
    }

    [Fact]
    public void OlderScribeVariableIsHonoured() => Assert.False(Apply(("SCRIBE_ENABLED", "false")).ScribeEnabled);

    [Theory]
    [InlineData("QUERY_PORT", "http", "QUERY_PORT must be a whole number from 0 to 65535, not \"http\"")]
    [InlineData("QUERY_PORT", "70000", "QUERY_PORT must be a whole number from 0 to 65535, not \"70000\"")]
    [InlineData("COLLECTOR_SAMPLE_RATE", "1.5", "COLLECTOR_SAMPLE_RATE must be a number from 0.0 to 1.0, not \"1.5\"")]
    [InlineData("MEM_MAX_SPANS", "0", "MEM_MAX_SPANS must be a whole number of at least 1, not \"0\"")]
    [InlineData("QUERY_LOOKBACK", "1d", "QUERY_LOOKBACK must be a positive number of milliseconds, not \"1d\"")]
    [InlineData("QUERY_TIMEOUT", "11 parsecs", "QUERY_TIMEOUT must be a positive duration such as 11s, 500ms or 2m, not \"11 parsecs\"")]
    [InlineData("STRICT_TRACE_ID", "yes", "STRICT_TRACE_ID must be true or false, not \"yes\"")]
    [InlineData("STORAGE_TYPE", "mysql", "STORAGE_TYPE must be mem, sqlite, sqlite:PATH, postgres, postgres://user:pass@host:port/db or postgres:CONNECTION-STRING, not \"mysql\"")]
    [InlineData("STORAGE_FLUSH_INTERVAL", "soon", "STORAGE_FLUSH_INTERVAL must be a positive duration such as 11s, 500ms or 2m, not \"soon\"")]
    [InlineData("STORAGE_BACKLOG_MAX_SPANS", "-1", "STORAGE_BACKLOG_MAX_SPANS must be a whole number of at least 1, not \"-1\"")]
    [InlineData("POSTGRES_TCP_PORT", "pg", "POSTGRES_TCP_PORT must be a whole number from 1 to 65535, not \"pg\"")]
    [InlineData("POSTGRES_MAX_CONNECTIONS", "0", "POSTGRES_MAX_CONNECTIONS must be a whole number of at least 1, not \"0\"")]
    [InlineData("POSTGRES_USE_SSL", "on", "POSTGRES_USE_SSL must be true or false, not \"on\"")]
    public void BadValuesAreNamed(string name, string value, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Apply((name, value))).Message);

    [Fact]
    public void UnknownStorageTypeIsNamed() =>
        Assert.StartsWith("storage type must be mem, sqlite, sqlite:PATH, postgres,",
            Assert.Throws<ArgumentException>(() => SpanStoreFactory.Create(new TraceServerOptions { StorageType = "cassandra3" })).Message);

    [Fact]
    public void WriterVariablesSetTheFlushIntervalAndTheBacklogBound()
    {
        var options = Apply(("STORAGE_FLUSH_INTERVAL", "1s"), ("STORAGE_BACKLOG_MAX_SPANS", "5000"));

        Assert.Equal(TimeSpan.FromSeconds(1), options.Writer.FlushInterval);
        Assert.Equal(5000, options.Writer.MaxBacklogSpans);
    }

    [Fact]
    public void PostgresVariablesMirrorZipkinsMysqlOnes()
    {
        var options = Apply(
            ("STORAGE_TYPE", "postgres"), ("POSTGRES_HOST", "db.internal"), ("POSTGRES_TCP_PORT", "5433"), ("POSTGRES_USER", "zipkin"),
            ("POSTGRES_PASS", "p;w=d"), ("POSTGRES_DB", "traces"), ("POSTGRES_MAX_CONNECTIONS", "20"), ("POSTGRES_USE_SSL", "true"));

        Assert.Equal("postgres", options.StorageType);
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(options.Postgres.ConnectionString());
        Assert.Equal(("db.internal", 5433, "zipkin", "p;w=d", "traces", 20, Npgsql.SslMode.Require),
            (connection.Host, connection.Port, connection.Username, connection.Password, connection.Database, connection.MaxPoolSize, connection.SslMode));
    }

    [Fact]
    public void PostgresDefaultsAreLocalhostAndTheTraceryDatabase()
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(Apply(("STORAGE_TYPE", "postgres")).Postgres.ConnectionString());

        Assert.Equal(("localhost", 5432, "tracery", 10), (connection.Host, connection.Port, connection.Database, connection.MaxPoolSize));
        Assert.Null(connection.Username);
    }

    [Fact]
    public void OutOfRangeOptionsAreNamed() =>
        Assert.Equal("body limit must be positive, not 0",
            Assert.Throws<ArgumentException>(() => new TraceServerOptions { BodyLimit = 0 }.Validate()).Message);
}

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
    public void BadValuesAreNamed(string name, string value, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Apply((name, value))).Message);

    [Fact]
    public void UnknownStorageTypeIsNamed() =>
        Assert.Equal("storage type must be mem, sqlite[:PATH] or postgres://user:pass@host:port/db, not \"cassandra3\"",
            Assert.Throws<ArgumentException>(() => SpanStoreFactory.Create(Apply(("STORAGE_TYPE", "cassandra3")))).Message);

    [Fact]
    public void OutOfRangeOptionsAreNamed() =>
        Assert.Equal("body limit must be positive, not 0",
            Assert.Throws<ArgumentException>(() => new TraceServerOptions { BodyLimit = 0 }.Validate()).Message);
}

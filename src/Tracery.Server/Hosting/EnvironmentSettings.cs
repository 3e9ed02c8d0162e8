namespace Tracery.Server.Hosting;

using System.Net;

/// <summary>
/// Applies Zipkin's environment variables (reference §3.9), so a Zipkin deployment's settings work
/// unchanged. Unset or empty variables leave the option as it was.
/// </summary>
public static class EnvironmentSettings
{
    public static TraceServerOptions Apply(TraceServerOptions options, IReadOnlyDictionary<string, string?> environment)
    {
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        if (Get("QUERY_PORT") is { } queryPort)
        {
            options = options with { HttpEndpoint = new IPEndPoint(options.HttpEndpoint.Address, SettingText.Int("QUERY_PORT", queryPort, 0, IPEndPoint.MaxPort)) };
        }
        if (Get("COLLECTOR_PORT") is { } scribePort)
        {
            options = options with { ScribeEndpoint = new IPEndPoint(options.ScribeEndpoint.Address, SettingText.Int("COLLECTOR_PORT", scribePort, 0, IPEndPoint.MaxPort)) };
        }
        // Zipkin's variable is COLLECTOR_SCRIBE_ENABLED; older deployments say SCRIBE_ENABLED.
        foreach (var name in (string[])["SCRIBE_ENABLED", "COLLECTOR_SCRIBE_ENABLED"])
        {
            if (Get(name) is { } enabled)
            {
                options = options with { ScribeEnabled = SettingText.Bool(name, enabled) };
            }
        }
        return options with
        {
            ScribeCategory = Get("SCRIBE_CATEGORY") ?? options.ScribeCategory,
            SampleRate = Get("COLLECTOR_SAMPLE_RATE") is { } rate ? SettingText.Rate("COLLECTOR_SAMPLE_RATE", rate) : options.SampleRate,
            MaxSpans = Get("MEM_MAX_SPANS") is { } max ? SettingText.Int("MEM_MAX_SPANS", max, 1) : options.MaxSpans,
            QueryLookback = Get("QUERY_LOOKBACK") is { } lookback ? SettingText.Milliseconds("QUERY_LOOKBACK", lookback) : options.QueryLookback,
            QueryTimeout = Get("QUERY_TIMEOUT") is { } timeout ? SettingText.Duration("QUERY_TIMEOUT", timeout) : options.QueryTimeout,
            StrictTraceId = Get("STRICT_TRACE_ID") is { } strict ? SettingText.Bool("STRICT_TRACE_ID", strict) : options.StrictTraceId,
            SearchEnabled = Get("SEARCH_ENABLED") is { } search ? SettingText.Bool("SEARCH_ENABLED", search) : options.SearchEnabled,
            AutocompleteKeys = Get("AUTOCOMPLETE_KEYS") is { } keys ? SettingText.List(keys) : options.AutocompleteKeys,
            StorageType = Get("STORAGE_TYPE") is { } storage ? StorageTypes.Check("STORAGE_TYPE", storage) : options.StorageType,
            Postgres = PostgresEnvironment.Apply(options.Postgres, Get),
            Writer = options.Writer with
            {
                FlushInterval = Get("STORAGE_FLUSH_INTERVAL") is { } flush ? SettingText.Duration("STORAGE_FLUSH_INTERVAL", flush) : options.Writer.FlushInterval,
                MaxBacklogSpans = Get("STORAGE_BACKLOG_MAX_SPANS") is { } backlog ? SettingText.Int("STORAGE_BACKLOG_MAX_SPANS", backlog, 1) : options.Writer.MaxBacklogSpans,
            },
        };
    }

    /// <summary>The process environment as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string?> Current() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
}

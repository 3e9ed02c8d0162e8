namespace Tracery.Cli.Commands;

using System.CommandLine;
using System.Net;
using Tracery.Server.Hosting;

/// <summary>
/// `tracery server`: the Zipkin-compatible trace server. Settings come from Zipkin's environment
/// variables first, then from options given on the command line, which win.
/// </summary>
internal static class ServerCommand
{
    private static readonly Option<string> Host = new("--host") { Description = "Address to bind the HTTP and Scribe ports to", DefaultValueFactory = _ => "0.0.0.0" };
    private static readonly Option<int> Port = new("--port") { Description = "HTTP port: collector, query API, UI (env QUERY_PORT)", DefaultValueFactory = _ => 9411 };
    private static readonly Option<int> ScribePort = new("--scribe-port") { Description = "Scribe port (env COLLECTOR_PORT)", DefaultValueFactory = _ => 9410 };
    private static readonly Option<bool> ScribeEnabled = new("--scribe-enabled") { Description = "Listen for Scribe (env COLLECTOR_SCRIBE_ENABLED)", DefaultValueFactory = _ => true };
    private static readonly Option<double> SampleRate = new("--sample-rate") { Description = "Share of traces kept, 0.0 to 1.0 (env COLLECTOR_SAMPLE_RATE)", DefaultValueFactory = _ => 1.0 };
    private static readonly Option<bool> StrictTraceId = new("--strict-trace-id") { Description = "Tell 64- and 128-bit trace ids apart (env STRICT_TRACE_ID)", DefaultValueFactory = _ => true };
    private static readonly Option<int> MaxSpans = new("--max-spans") { Description = "Spans the memory store keeps (env MEM_MAX_SPANS)", DefaultValueFactory = _ => 500_000 };
    private static readonly Option<long> QueryLookback = new("--query-lookback") { Description = "Default query lookback in ms (env QUERY_LOOKBACK)", DefaultValueFactory = _ => 86_400_000 };
    private static readonly Option<string> QueryTimeout = new("--query-timeout") { Description = "Query deadline, e.g. 11s (env QUERY_TIMEOUT)", DefaultValueFactory = _ => "11s" };
    private static readonly Option<string> AutocompleteKeys = new("--autocomplete-keys") { Description = "Comma-separated tag keys to autocomplete (env AUTOCOMPLETE_KEYS)", DefaultValueFactory = _ => "" };
    private static readonly Option<bool> SearchEnabled = new("--search-enabled") { Description = "Index spans for search (env SEARCH_ENABLED)", DefaultValueFactory = _ => true };
    private static readonly Option<int> BodyLimit = new("--body-limit") { Description = "Largest collector body in bytes, before and after gunzip", DefaultValueFactory = _ => 10 * 1024 * 1024 };
    private static readonly Option<string> Storage = new("--storage") { Description = "Storage backend: sqlite (a file in --data-dir), sqlite:PATH, postgres (env POSTGRES_*), postgres://user:pass@host:port/db, postgres:CONNECTION-STRING or mem (env STORAGE_TYPE)", DefaultValueFactory = _ => "sqlite" };
    private static readonly Option<string> DataDir = new("--data-dir") { Description = "Where the sqlite store keeps traces.db (default $XDG_DATA_HOME/tracery, else ~/.local/share/tracery)" };
    private static readonly Option<string> FlushInterval = new("--flush-interval") { Description = "Accepted spans are committed within this, e.g. 200ms, 1s (env STORAGE_FLUSH_INTERVAL)", DefaultValueFactory = _ => "200ms" };
    private static readonly Option<int> BacklogMaxSpans = new("--backlog-max-spans") { Description = "Spans kept while the store is unreachable or behind; more are dropped (env STORAGE_BACKLOG_MAX_SPANS)", DefaultValueFactory = _ => 100_000 };
    private static readonly Option<string> Retention = new("--retention") { Description = "Delete traces older than this from sqlite or postgres, e.g. 7d, 12h (default: keep all)" };
    private static readonly Option<string> RetentionSize = new("--retention-size") { Description = "Delete the oldest traces while sqlite or postgres holds more than this, e.g. 500MB, 2GB (default: no limit)" };

    public static Command Create()
    {
        var command = new Command("server", "Run the Zipkin-compatible trace server (collector, query API, UI) until Ctrl-C.");
        foreach (var option in (Option[])[Host, Port, ScribePort, ScribeEnabled, SampleRate, StrictTraceId, MaxSpans, QueryLookback, QueryTimeout, AutocompleteKeys, SearchEnabled, BodyLimit, Storage, DataDir, Retention, RetentionSize, FlushInterval, BacklogMaxSpans])
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TraceServer server;
            try
            {
                server = await TraceServer.StartAsync(Read(parseResult).Validate(), cancellationToken);
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                // Bad settings, a port already in use or storage that will not open: say which, without a stack trace.
                await Console.Error.WriteLineAsync($"tracery server: {e.Message}");
                return 2;
            }
            await using var running = server;
            var scribe = server.ScribePort is { } port ? $", Scribe on port {port}" : "";
            Console.WriteLine($"tracery server: HTTP on {server.BaseAddress}{scribe}. Ctrl-C stops.");
            // Disposing the server drains the span backlog into the store (bounded by its drain timeout).
            await ShutdownSignal.WaitAsync(TimeProvider.System, cancellationToken);
            return 0;
        });
        return command;
    }

    /// <summary>Environment first; an option given explicitly on the command line overrides it.</summary>
    internal static TraceServerOptions Read(ParseResult parse)
    {
        // The command keeps traces across restarts (sqlite) unless told otherwise; embedded servers stay in memory.
        var options = EnvironmentSettings.Apply(new TraceServerOptions { StorageType = "sqlite" }, EnvironmentSettings.Current());
        bool Given(Option option) => parse.GetResult(option) is { Implicit: false };
        if (Given(Host) || Given(Port) || Given(ScribePort))
        {
            var address = IPAddress.TryParse(parse.GetValue(Host), out var ip) ? ip : throw new ArgumentException($"--host must be an IP address, not \"{parse.GetValue(Host)}\"");
            options = options with
            {
                HttpEndpoint = new IPEndPoint(address, Given(Port) ? parse.GetValue(Port) : options.HttpEndpoint.Port),
                ScribeEndpoint = new IPEndPoint(address, Given(ScribePort) ? parse.GetValue(ScribePort) : options.ScribeEndpoint.Port),
            };
        }
        return options with
        {
            ScribeEnabled = Given(ScribeEnabled) ? parse.GetValue(ScribeEnabled) : options.ScribeEnabled,
            SampleRate = Given(SampleRate) ? parse.GetValue(SampleRate) : options.SampleRate,
            StrictTraceId = Given(StrictTraceId) ? parse.GetValue(StrictTraceId) : options.StrictTraceId,
            MaxSpans = Given(MaxSpans) ? parse.GetValue(MaxSpans) : options.MaxSpans,
            QueryLookback = Given(QueryLookback) ? SettingText.Milliseconds("--query-lookback", parse.GetValue(QueryLookback).ToString(System.Globalization.CultureInfo.InvariantCulture)) : options.QueryLookback,
            QueryTimeout = Given(QueryTimeout) ? SettingText.Duration("--query-timeout", parse.GetValue(QueryTimeout)!) : options.QueryTimeout,
            AutocompleteKeys = Given(AutocompleteKeys) ? SettingText.List(parse.GetValue(AutocompleteKeys)!) : options.AutocompleteKeys,
            SearchEnabled = Given(SearchEnabled) ? parse.GetValue(SearchEnabled) : options.SearchEnabled,
            BodyLimit = Given(BodyLimit) ? parse.GetValue(BodyLimit) : options.BodyLimit,
            StorageType = Given(Storage) ? StorageTypes.Check("--storage", parse.GetValue(Storage)!) : options.StorageType,
            Writer = options.Writer with
            {
                FlushInterval = Given(FlushInterval) ? SettingText.Duration("--flush-interval", parse.GetValue(FlushInterval)!) : options.Writer.FlushInterval,
                MaxBacklogSpans = Given(BacklogMaxSpans) ? SettingText.Int("--backlog-max-spans", parse.GetValue(BacklogMaxSpans).ToString(System.Globalization.CultureInfo.InvariantCulture), 1) : options.Writer.MaxBacklogSpans,
            },
            DataDirectory = parse.GetValue(DataDir) is { } dataDir ? Path.GetFullPath(dataDir) : options.DataDirectory,
            Retention = parse.GetValue(Retention) is { } retention ? Tracery.Storage.Retention.RetentionAge.Parse(retention) : options.Retention,
            RetentionSize = parse.GetValue(RetentionSize) is { } size ? Tracery.Storage.Retention.RetentionSize.Parse(size) : options.RetentionSize,
        };
    }
}

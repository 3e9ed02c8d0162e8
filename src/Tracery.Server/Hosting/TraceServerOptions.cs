namespace Tracery.Server.Hosting;

using System.Net;

/// <summary>
/// Immutable settings of a trace server. Defaults are Zipkin's (reference §3.9), except that Scribe
/// is on: Linkerd 1 reports there, and Tracery exists to receive it.
/// </summary>
public sealed record TraceServerOptions
{
    public IPEndPoint HttpEndpoint { get; init; } = new(IPAddress.Any, 9411);

    public IPEndPoint ScribeEndpoint { get; init; } = new(IPAddress.Any, 9410);

    public bool ScribeEnabled { get; init; } = true;

    /// <summary>Only Scribe entries of this category carry spans.</summary>
    public string ScribeCategory { get; init; } = "zipkin";

    /// <summary>0.0 to 1.0: the share of traces kept by the collector.</summary>
    public double SampleRate { get; init; } = 1.0;

    public bool StrictTraceId { get; init; } = true;

    /// <summary>The memory store keeps at most this many spans, evicting whole traces oldest first.</summary>
    public int MaxSpans { get; init; } = 500_000;

    /// <summary>Default lookback of trace and dependency queries.</summary>
    public TimeSpan QueryLookback { get; init; } = TimeSpan.FromDays(1);

    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(11);

    /// <summary>Tag keys indexed for the UI's autocomplete.</summary>
    public IReadOnlyList<string> AutocompleteKeys { get; init; } = [];

    public bool SearchEnabled { get; init; } = true;

    /// <summary>The largest request body the collector reads, before and after gunzip.</summary>
    public int BodyLimit { get; init; } = 10 * 1024 * 1024;

    /// <summary>How accepted spans reach the store: flush interval, backlog bound, retries, drain on shutdown.</summary>
    public Collector.SpanWriterOptions Writer { get; init; } = new();

    /// <summary>
    /// The storage backend, as Zipkin's <c>STORAGE_TYPE</c>: "mem" (the memory store), "sqlite" (a file in
    /// <see cref="DataDirectory"/>), "sqlite:PATH", "postgres" (connecting by <see cref="Postgres"/>), "postgres://user:pass@host:port/db" or
    /// "postgres:CONNECTION-STRING".
    /// Memory by default so embedded servers (tests, the demo) stay in memory; `tracery server` asks for sqlite.
    /// </summary>
    public string StorageType { get; init; } = "mem";

    /// <summary>Where a bare "postgres" storage type connects (the POSTGRES_* variables).</summary>
    public PostgresSettings Postgres { get; init; } = new();

    /// <summary>Where "sqlite" without a path keeps its file (traces.db).</summary>
    public string DataDirectory { get; init; } = DefaultDataDirectory();

    /// <summary>Persistent stores drop traces older than this; null keeps them all.</summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>Persistent stores drop their oldest traces while larger than this many bytes; null sets no limit.</summary>
    public long? RetentionSize { get; init; }

    /// <summary>
    /// $XDG_DATA_HOME/tracery, else $HOME/.local/share/tracery (the XDG default), else ./tracery-data: a
    /// user's server finds its traces whatever directory it starts in.
    /// </summary>
    public static string DefaultDataDirectory() =>
        Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? Path.Combine(xdg, "tracery")
        : Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? Path.Combine(home, ".local", "share", "tracery")
        : Path.GetFullPath("tracery-data");

    /// <summary>Makes the span store; <see cref="SpanStoreFactory.Create"/> picks the backend by default.</summary>
    public Func<TraceServerOptions, Storage.ISpanStore> StoreFactory { get; init; } = SpanStoreFactory.Create;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of range.</summary>
    public TraceServerOptions Validate()
    {
        Require(SampleRate is >= 0 and <= 1, $"sample rate must be from 0.0 to 1.0, not {SampleRate}");
        Require(MaxSpans > 0, $"max spans must be positive, not {MaxSpans}");
        Require(QueryLookback > TimeSpan.Zero, $"query lookback must be positive, not {QueryLookback}");
        Require(QueryTimeout > TimeSpan.Zero, $"query timeout must be positive, not {QueryTimeout}");
        Require(BodyLimit > 0, $"body limit must be positive, not {BodyLimit}");
        Writer.Validate();
        Require(Retention is null || Retention > TimeSpan.Zero, $"retention must be positive, not {Retention}");
        Require(RetentionSize is null || RetentionSize > 0, $"retention size must be positive, not {RetentionSize}");
        Require(!string.IsNullOrWhiteSpace(DataDirectory), "data directory must not be empty");
        Require(!string.IsNullOrWhiteSpace(ScribeCategory), "scribe category must not be empty");
        Require(AutocompleteKeys.All(k => !string.IsNullOrWhiteSpace(k)), "autocomplete keys must not be empty");
        return this;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}

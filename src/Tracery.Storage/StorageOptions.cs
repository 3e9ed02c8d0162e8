namespace Tracery.Storage;

/// <summary>
/// Switches every backend honours (Zipkin's STRICT_TRACE_ID, SEARCH_ENABLED, AUTOCOMPLETE_KEYS and
/// MEM_MAX_SPANS; §3.2, §3.5, §3.7, §3.9). Immutable: a store reads it once when built.
/// </summary>
public sealed record StorageOptions
{
    public const int DefaultMaxSpanCount = 500_000;

    /// <summary>When false, a 64-bit and a 128-bit trace id with the same low 64 bits are one trace.</summary>
    public bool StrictTraceId { get; init; } = true;

    /// <summary>When false, nothing is indexed: searches and name lists are empty; trace by id and dependencies still work.</summary>
    public bool SearchEnabled { get; init; } = true;

    /// <summary>Tag keys whose values are remembered for autocompletion.</summary>
    public IReadOnlyList<string> AutocompleteKeys { get; init; } = [];

    /// <summary>The most spans a bounded (memory) store keeps before evicting whole traces, oldest first.</summary>
    public int MaxSpanCount { get; init; } = DefaultMaxSpanCount;

    /// <summary>
    /// Persistent stores delete whole traces whose newest span is older than this, in the background;
    /// null keeps everything. The memory store ignores it: its bound is <see cref="MaxSpanCount"/>.
    /// </summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>
    /// Persistent stores delete whole traces, oldest first, while larger than this many bytes (checked in
    /// the background every minute); null sets no limit. The memory store ignores it.
    /// </summary>
    public long? RetentionSize { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public StorageOptions Validate()
    {
        if (MaxSpanCount <= 0) throw new ArgumentException($"max span count must be positive, was {MaxSpanCount}");
        if (AutocompleteKeys.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("autocomplete keys must not be empty");
        if (Retention <= TimeSpan.Zero) throw new ArgumentException($"retention must be positive, was {Retention}");
        if (RetentionSize <= 0) throw new ArgumentException($"retention size must be positive, was {RetentionSize}");
        return this;
    }
}

namespace Tracery.Server.Collector;

/// <summary>Why the writer dropped spans that the collector had accepted; each is counted on its own.</summary>
public enum SpanDropReason
{
    /// <summary>The backlog held its maximum of spans (the store is unreachable or slower than ingest).</summary>
    BacklogFull,

    /// <summary>The store refused the spans with an error that retrying would repeat (bad data).</summary>
    StoreRejected,

    /// <summary>Shutdown gave up waiting for an unreachable store after its drain timeout.</summary>
    Shutdown,
}

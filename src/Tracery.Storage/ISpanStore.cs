namespace Tracery.Storage;

using Tracery.Storage.Query;
using Tracery.Tracing.Model;

/// <summary>
/// The one storage interface every backend implements (Zipkin's SpanConsumer, SpanStore and
/// AutocompleteTags in one). Every backend passes the same conformance suite.
/// </summary>
public interface ISpanStore
{
    /// <summary>Stores spans. Completes when they are durable enough to be read back.</summary>
    ValueTask AcceptAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken = default);

    /// <summary>Traces matching the query, each a list of its spans; newest first (§3.3, §3.4).</summary>
    ValueTask<IReadOnlyList<IReadOnlyList<Span>>> GetTracesAsync(QueryRequest request, CancellationToken cancellationToken = default);

    /// <summary>The spans of one trace; empty when unknown.</summary>
    ValueTask<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default);

    /// <summary>The traces with these ids that exist; unknown ids are left out.</summary>
    ValueTask<IReadOnlyList<IReadOnlyList<Span>>> GetTracesAsync(IEnumerable<string> traceIds, CancellationToken cancellationToken = default);

    ValueTask<IReadOnlyList<string>> GetServiceNamesAsync(CancellationToken cancellationToken = default);

    ValueTask<IReadOnlyList<string>> GetRemoteServiceNamesAsync(string serviceName, CancellationToken cancellationToken = default);

    ValueTask<IReadOnlyList<string>> GetSpanNamesAsync(string serviceName, CancellationToken cancellationToken = default);

    /// <summary>Links for traces whose root lies in (endTs - lookback, endTs], both in epoch milliseconds.</summary>
    ValueTask<IReadOnlyList<DependencyLink>> GetDependenciesAsync(long endTs, long lookback, CancellationToken cancellationToken = default);

    ValueTask<IReadOnlyList<string>> GetAutocompleteKeysAsync(CancellationToken cancellationToken = default);

    ValueTask<IReadOnlyList<string>> GetAutocompleteValuesAsync(string key, CancellationToken cancellationToken = default);
}

namespace Tracery.Server.Tests.Collector;

using System.Net.Sockets;
using Tracery.Storage;
using Tracery.Storage.Memory;
using Tracery.Storage.Query;
using Tracery.Tracing.Model;

/// <summary>
/// A real memory store behind a switch that makes writes fail as an unreachable database does (connection
/// refused), and that refuses spans named "poison" as a database refuses bad data. Records each write's size.
/// </summary>
internal sealed class OutageStore : ISpanStore
{
    private readonly MemorySpanStore inner = new(new StorageOptions());
    private readonly List<int> writes = [];

    public volatile bool Down;

    public IReadOnlyList<int> Writes
    {
        get
        {
            lock (writes)
            {
                return [.. writes];
            }
        }
    }

    public ValueTask AcceptAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken = default)
    {
        if (Down)
        {
            throw new SocketException((int)SocketError.ConnectionRefused);
        }
        if (spans.Any(s => s.Name == "poison"))
        {
            throw new ArgumentException("span named poison");
        }
        lock (writes)
        {
            writes.Add(spans.Count);
        }
        return inner.AcceptAsync(spans, cancellationToken);
    }

    public ValueTask<IReadOnlyList<IReadOnlyList<Span>>> GetTracesAsync(QueryRequest request, CancellationToken cancellationToken = default) => inner.GetTracesAsync(request, cancellationToken);

    public ValueTask<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default) => inner.GetTraceAsync(traceId, cancellationToken);

    public ValueTask<IReadOnlyList<IReadOnlyList<Span>>> GetTracesAsync(IEnumerable<string> traceIds, CancellationToken cancellationToken = default) => inner.GetTracesAsync(traceIds, cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetServiceNamesAsync(CancellationToken cancellationToken = default) => inner.GetServiceNamesAsync(cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetRemoteServiceNamesAsync(string serviceName, CancellationToken cancellationToken = default) => inner.GetRemoteServiceNamesAsync(serviceName, cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetSpanNamesAsync(string serviceName, CancellationToken cancellationToken = default) => inner.GetSpanNamesAsync(serviceName, cancellationToken);

    public ValueTask<IReadOnlyList<DependencyLink>> GetDependenciesAsync(long endTs, long lookback, CancellationToken cancellationToken = default) => inner.GetDependenciesAsync(endTs, lookback, cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetAutocompleteKeysAsync(CancellationToken cancellationToken = default) => inner.GetAutocompleteKeysAsync(cancellationToken);

    public ValueTask<IReadOnlyList<string>> GetAutocompleteValuesAsync(string key, CancellationToken cancellationToken = default) => inner.GetAutocompleteValuesAsync(key, cancellationToken);
}

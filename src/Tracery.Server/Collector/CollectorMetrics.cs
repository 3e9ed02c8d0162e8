namespace Tracery.Server.Collector;

/// <summary>The counters of every transport, for <c>/metrics</c> and <c>/prometheus</c>.</summary>
public sealed class CollectorMetrics
{
    public TransportMetrics Http { get; } = new("http");

    public TransportMetrics Scribe { get; } = new("scribe");

    public IEnumerable<TransportMetrics> All => [Http, Scribe];

    public TransportMetrics For(CollectorTransport transport) =>
        transport == CollectorTransport.Scribe ? Scribe : Http;
}

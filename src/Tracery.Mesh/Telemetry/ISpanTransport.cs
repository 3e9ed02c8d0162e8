namespace Tracery.Mesh.Telemetry;

using Tracery.Tracing.Model;

/// <summary>Sends one batch of spans to a collector; throws when the collector did not take them.</summary>
public interface ISpanTransport : IAsyncDisposable
{
    /// <summary>A short name for logs and metrics, e.g. <c>io.l5d.zipkin</c>.</summary>
    string Kind { get; }

    Task SendAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken);
}

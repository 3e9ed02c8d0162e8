namespace Tracery.Mesh.Telemetry;

using System.Buffers;
using Tracery.Tracing.Model;

/// <summary>
/// How one telemeter puts spans on the wire: each span is encoded as soon as it is reported, and batches of the
/// encoded spans are sent later by the reporter.
/// </summary>
public interface ISpanTransport : IAsyncDisposable
{
    /// <summary>A short name for logs and metrics, e.g. <c>io.l5d.zipkin</c>.</summary>
    string Kind { get; }

    /// <summary>Writes one span as this transport sends it (a JSON v2 object, a Scribe entry's base64 message).</summary>
    void Encode(Span span, IBufferWriter<byte> output);

    /// <summary>Sends spans made by <see cref="Encode"/>, in order; throws when the collector did not take them.</summary>
    Task SendAsync(IReadOnlyList<ReadOnlyMemory<byte>> encodedSpans, CancellationToken cancellationToken);
}

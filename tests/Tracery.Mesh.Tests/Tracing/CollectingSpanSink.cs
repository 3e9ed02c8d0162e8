namespace Tracery.Mesh.Tests.Tracing;

using System.Collections.Concurrent;
using Tracery.Mesh.Telemetry;
using Tracery.Tracing.Model;

/// <summary>Keeps reported spans in memory, in report order.</summary>
internal sealed class CollectingSpanSink : ISpanSink
{
    private readonly ConcurrentQueue<Span> spans = new();

    public IReadOnlyList<Span> Spans => spans.ToArray();

    public void Report(Span span) => spans.Enqueue(span);
}

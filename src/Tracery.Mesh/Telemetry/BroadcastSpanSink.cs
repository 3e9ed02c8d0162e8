namespace Tracery.Mesh.Telemetry;

using Tracery.Tracing.Model;

/// <summary>Hands each span to every reporter.</summary>
public sealed class BroadcastSpanSink(IReadOnlyList<ISpanSink> sinks) : ISpanSink
{
    public void Report(Span span)
    {
        foreach (var sink in sinks)
        {
            sink.Report(span);
        }
    }
}

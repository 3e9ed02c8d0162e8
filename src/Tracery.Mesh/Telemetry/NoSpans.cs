namespace Tracery.Mesh.Telemetry;

using Tracery.Tracing.Model;

/// <summary>Drops every span: spans are still recorded for the recent-requests log when no telemeter reports them.</summary>
internal sealed class NoSpans : ISpanSink
{
    public static readonly NoSpans Instance = new();

    public void Report(Span span)
    {
    }
}

namespace Tracery.Mesh.Telemetry;

using Tracery.Tracing.Model;

/// <summary>Drops every span: spans still recorded for the recent-requests ring when no telemeter reports them.</summary>
public sealed class DiscardingSpanSink : ISpanSink
{
    public static readonly DiscardingSpanSink Instance = new();

    public void Report(Span span)
    {
    }
}

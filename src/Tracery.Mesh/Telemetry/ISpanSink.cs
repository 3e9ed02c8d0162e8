namespace Tracery.Mesh.Telemetry;

using Tracery.Tracing.Model;

/// <summary>Where finished spans go. <see cref="Report"/> is called on the request path, so it must never block.</summary>
public interface ISpanSink
{
    void Report(Span span);
}

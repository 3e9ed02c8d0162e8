namespace Tracery.Mesh.Tracing;

/// <summary>How a router traces.</summary>
/// <param name="SampleRate">The fraction of new traces sampled (Finagle's default 0.001); the largest of the telemeters' rates.</param>
/// <param name="Propagation">The router's <c>tracePropagator</c>.</param>
/// <param name="TraceId128Bit">Whether new root traces get 128-bit ids (Linkerd's are 64-bit).</param>
public sealed record RouterTracerOptions(
    double SampleRate = RouterTracerOptions.DefaultSampleRate,
    TracePropagation Propagation = TracePropagation.Linkerd,
    bool TraceId128Bit = false)
{
    public const double DefaultSampleRate = 0.001;
}

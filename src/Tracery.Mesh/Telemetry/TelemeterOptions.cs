namespace Tracery.Mesh.Telemetry;

/// <summary>A tracing telemeter's settings. Every telemeter samples at its own rate; a trace is kept if any keeps it (Finagle's <c>BroadcastTracer</c>).</summary>
public abstract record TelemeterOptions(double SampleRate);

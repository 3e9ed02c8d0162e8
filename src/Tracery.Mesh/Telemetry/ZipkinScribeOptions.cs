namespace Tracery.Mesh.Telemetry;

/// <summary>The <c>io.l5d.zipkin</c> telemeter: Scribe over framed Thrift to a collector's Scribe port, as Linkerd 1 sends.</summary>
public sealed record ZipkinScribeOptions(string Host = "localhost", int Port = 9410, double SampleRate = 0.001)
    : TelemeterOptions(SampleRate);

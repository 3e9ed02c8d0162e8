namespace Tracery.Mesh.Telemetry;

/// <summary>The <c>io.zipkin.http</c> telemeter (linkerd-zipkin): JSON v2 spans POSTed to <c>http://host/api/v2/spans</c>.</summary>
/// <param name="Host">The collector's <c>host:port</c>.</param>
/// <param name="HostHeader">The Host header sent, as linkerd-zipkin sends <c>zipkin</c> (for a collector behind a router).</param>
/// <param name="CompressionEnabled">Whether bodies are gzipped.</param>
/// <param name="SampleRate">The telemeter's sample rate (linkerd-zipkin's <c>initialSampleRate</c>).</param>
public sealed record ZipkinHttpOptions(
    string Host = "localhost:9411",
    string HostHeader = "zipkin",
    bool CompressionEnabled = true,
    double SampleRate = 0.001) : TelemeterOptions(SampleRate);

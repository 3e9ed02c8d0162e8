namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.l5d.zipkin</c>: spans as Thrift over Scribe to <see cref="Host"/>:<see cref="Port"/>, as Linkerd 1.</summary>
public sealed record ZipkinScribeTelemeterConfig(string Host = "localhost", int Port = 9410, double SampleRate = TelemeterConfig.DefaultSampleRate)
    : TelemeterConfig("io.l5d.zipkin")
{
    public static ZipkinScribeTelemeterConfig Read(ConfigSection section) =>
        new(section.String("host") ?? "localhost", section.Port("port") ?? 9410, ReadSampleRate(section));
}

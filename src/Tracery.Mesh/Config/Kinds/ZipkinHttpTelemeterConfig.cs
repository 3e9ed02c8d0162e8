namespace Tracery.Mesh.Config.Kinds;

/// <summary><c>io.zipkin.http</c> (the linkerd-zipkin plugin): JSON v2 POSTed to <c>http://&lt;host&gt;/api/v2/spans</c>.</summary>
public sealed record ZipkinHttpTelemeterConfig(string Host = "localhost:9411", double SampleRate = TelemeterConfig.DefaultSampleRate)
    : TelemeterConfig("io.zipkin.http")
{
    public static ZipkinHttpTelemeterConfig Read(ConfigSection section) =>
        new(section.String("host") ?? "localhost:9411", ReadSampleRate(section));
}

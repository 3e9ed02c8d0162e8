namespace Tracery.Tracing.Tests.Codec;

/// <summary>The real Zipkin traces copied under tests/fixtures/zipkin-lens.</summary>
internal static class Fixtures
{
    static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "zipkin-lens");

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal)) names.Add(Path.GetFileName(file));
        return names;
    }

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Directory, name));
}

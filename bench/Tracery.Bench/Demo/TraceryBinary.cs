namespace Tracery.Bench.Demo;

/// <summary>Finds the Release build of the `tracery` command from the repository root, so the benchmark measures what users run.</summary>
internal static class TraceryBinary
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tracery.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Tracery.Cli", "bin", "Release", "net10.0", "tracery.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException($"build it first: dotnet build -c Release src/Tracery.Cli (looked for {dll})");
            }
        }
        throw new DirectoryNotFoundException("run the benchmark from inside the repository (no Tracery.slnx above " + AppContext.BaseDirectory + ")");
    }
}

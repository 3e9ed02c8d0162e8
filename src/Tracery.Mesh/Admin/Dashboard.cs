namespace Tracery.Mesh.Admin;

/// <summary>The admin pages, embedded in the assembly so the mesh is one self-contained binary (no CDN).</summary>
internal static class Dashboard
{
    public static readonly string Html = Read("dashboard.html");

    public static readonly string Index = Read("index.html");

    private static string Read(string name)
    {
        using var stream = typeof(Dashboard).Assembly.GetManifestResourceStream($"Tracery.Mesh.Admin.{name}")
            ?? throw new InvalidOperationException($"embedded admin page {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

namespace Tracery.Mesh.Admin;

using System.Text.Json;
using Tracery.Mesh.Naming;

/// <summary><c>/namer_state/&lt;prefix&gt;.json</c> (Linkerd's path): the state of the namer configured at that prefix.</summary>
internal static class NamerState
{
    public static INamerState? Find(IReadOnlyList<INamer> namers, string file) =>
        file.EndsWith(".json", StringComparison.Ordinal)
            ? namers.FirstOrDefault(n => n.Prefix.ToString() == "/" + file[..^".json".Length]) as INamerState
            : null;

    public static string List(IReadOnlyList<INamer> namers) =>
        string.Join(", ", namers.OfType<INamerState>().Select(n => ((INamer)n).Prefix.ToString()[1..] + ".json").DefaultIfEmpty("none with state"));

    public static void Write(Stream stream, INamerState namer)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        namer.WriteState(json);
    }
}

namespace Tracery.Bench.Storage;

/// <summary>Reads "--name value" options of the storage benchmarks, naming the option when its value is bad.</summary>
static class BenchArgs
{
    public static int Int(string[] args, string name, int fallback)
    {
        var text = Text(args, name);
        if (text is null) return fallback;
        if (!int.TryParse(text, out var value) || value <= 0) throw new ArgumentException($"{name} needs a positive whole number, not \"{text}\"");
        return value;
    }

    public static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) return null;
        if (i + 1 >= args.Length) throw new ArgumentException($"{name} needs a value");
        return args[i + 1];
    }

    /// <summary>The backends a run compares, from --backends (comma-separated; default all three).</summary>
    public static IReadOnlyList<string> Backends(string[] args) =>
        (Text(args, "--backends") ?? "memory,sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

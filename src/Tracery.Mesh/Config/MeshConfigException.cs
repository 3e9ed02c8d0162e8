namespace Tracery.Mesh.Config;

/// <summary>A mesh config that cannot run: names the key (<c>routers[0].servers[1].port</c>) and where it is in the file.</summary>
public sealed class MeshConfigException : Exception
{
    public MeshConfigException(string keyPath, int line, int column, string problem)
        : base(Format(keyPath, line, column, problem))
    {
        KeyPath = keyPath;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Dotted path of the offending key, with list indexes: <c>routers[1].interpreter.transformers[0].kind</c>.</summary>
    public string KeyPath { get; }

    /// <summary>One-based line and column in the config text; 0 when the config is empty.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Format(string keyPath, int line, int column, string problem)
    {
        var where = keyPath.Length == 0 ? "config" : keyPath;
        return line > 0 ? $"{where} (line {line}, column {column}): {problem}" : $"{where}: {problem}";
    }
}

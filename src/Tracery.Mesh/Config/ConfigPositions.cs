namespace Tracery.Mesh.Config;

using System.Collections.Concurrent;

/// <summary>
/// Where each key of a loaded config stands in its file, by key path (<c>routers[0].servers[0].port</c>), so errors
/// found after loading (a namer that cannot start, a port already taken) can still name the line.
/// </summary>
public sealed class ConfigPositions
{
    public static readonly ConfigPositions Empty = new();

    private readonly ConcurrentDictionary<string, (int Line, int Column)> positions = new(StringComparer.Ordinal);

    /// <summary>The line and column of <paramref name="keyPath"/>, or of its nearest located parent; (0, 0) if none.</summary>
    public (int Line, int Column) Locate(string keyPath)
    {
        for (var path = keyPath; path.Length > 0; path = Parent(path))
        {
            if (positions.TryGetValue(path, out var position))
            {
                return position;
            }
        }

        return (0, 0);
    }

    /// <summary>A config error on <paramref name="keyPath"/>, located in the file.</summary>
    public MeshConfigException Error(string keyPath, string problem)
    {
        var (line, column) = Locate(keyPath);
        return new MeshConfigException(keyPath, line, column, problem);
    }

    internal void Record(string keyPath, long line, long column)
    {
        if (!ReferenceEquals(this, Empty))
        {
            positions.TryAdd(keyPath, ((int)line, (int)column));
        }
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}

namespace Tracery.Mesh.Config;

using System.Globalization;
using Tracery.Mesh.Naming;
using YamlDotNet.RepresentationModel;

/// <summary>
/// One mapping of the config being read. Every read marks its key as known, so <see cref="Complete"/> can reject the
/// keys nobody asked for, and every error names the key path and its line. Kinds registered by other parts of the
/// mesh (for example the Kubernetes namer) read their keys through it too.
/// </summary>
public sealed class ConfigSection
{
    private readonly YamlMappingNode node;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);
    private readonly string[] sourceLines;
    private readonly ConfigPositions positions;

    internal ConfigSection(YamlMappingNode node, string path, string[] sourceLines, ConfigPositions positions)
    {
        this.node = node;
        Path = path;
        this.sourceLines = sourceLines;
        this.positions = positions;
        positions.Record(path, node.Start.Line, node.Start.Column);
    }

    /// <summary>This section's key path, for example <c>routers[0].client</c>.</summary>
    public string Path { get; }

    public int Line => (int)node.Start.Line;

    public bool Has(string key) => Find(key) is not null;

    public string? String(string key) => Scalar(key)?.Value;

    public string RequireString(string key) => String(key) ?? throw Missing(key);

    public int? Int(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        if (!long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(key, scalar, $"expected a whole number but found '{scalar.Value}'");
        }

        return value < min || value > max ? throw Error(key, scalar, $"{value} is out of range ({min} to {max})") : (int)value;
    }

    public double? Double(string key, double min = double.MinValue, double max = double.MaxValue)
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error(key, scalar, $"expected a number but found '{scalar.Value}'");
        }

        return value < min || value > max
            ? throw Error(key, scalar, $"{value.ToString(CultureInfo.InvariantCulture)} is out of range ({min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)})")
            : value;
    }

    public bool? Bool(string key)
    {
        var scalar = Scalar(key);
        return scalar?.Value switch
        {
            null => null,
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Error(key, scalar, $"expected true or false but found '{scalar.Value}'"),
        };
    }

    public int? Port(string key) => Int(key, 0, 65535);

    public NamePath? NamePath(string key)
    {
        var scalar = Scalar(key);
        if (scalar?.Value is null)
        {
            return null;
        }

        try
        {
            return Naming.NamePath.Parse(scalar.Value);
        }
        catch (DtabParseException e)
        {
            throw Error(key, scalar, $"'{scalar.Value}' is not a path like /svc/name: {FirstLine(e.Message)}");
        }
    }

    public Dtab? Dtab(string key)
    {
        var scalar = Scalar(key);
        if (scalar?.Value is null)
        {
            return null;
        }

        try
        {
            return Naming.Dtab.Parse(scalar.Value);
        }
        catch (DtabParseException e)
        {
            // A block scalar (`dtab: |`) starts on the line after its indicator.
            // A block scalar (`dtab: |`) starts on the line after its indicator, indented; a flow one where its value starts.
            var block = scalar.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded;
            var line = (int)scalar.Start.Line + (block ? 1 : 0) + e.Line - 1;
            var column = block ? Indentation(line) + e.Column : e.Line == 1 ? (int)scalar.Start.Column + e.Column - 1 : e.Column;
            throw new MeshConfigException(Child(key), line, column, e.Message);
        }
    }

    public ConfigSection? Section(string key)
    {
        var value = Find(key);
        return value switch
        {
            null => null,
            YamlMappingNode mapping => new ConfigSection(mapping, Child(key), sourceLines, positions),
            _ => throw Error(key, value, "expected a mapping of keys to values"),
        };
    }

    /// <summary>A kind given either as a value (<c>key: x</c>) or as a mapping (<c>key: {kind: x}</c>) with no other keys.</summary>
    public string? KindOf(string key)
    {
        if (Find(key) is YamlMappingNode)
        {
            var section = Section(key)!;
            var kind = section.RequireString("kind");
            section.Complete();
            return kind;
        }

        return String(key);
    }

    public ConfigSection RequireSection(string key) => Section(key) ?? throw Missing(key);

    /// <summary>A list of mappings; a single mapping counts as a list of one (Linkerd's <c>identifier</c> accepts both).</summary>
    public IReadOnlyList<ConfigSection> Sections(string key, bool singleAllowed = false)
    {
        var value = Find(key);
        switch (value)
        {
            case null:
                return [];
            case YamlMappingNode mapping when singleAllowed:
                return [new ConfigSection(mapping, Child(key), sourceLines, positions)];
            case YamlSequenceNode sequence:
                return sequence.Children.Select((item, i) => item is YamlMappingNode m
                        ? new ConfigSection(m, $"{Child(key)}[{i}]", sourceLines, positions)
                        : throw new MeshConfigException($"{Child(key)}[{i}]", (int)item.Start.Line, (int)item.Start.Column, "expected a mapping of keys to values"))
                    .ToList();
            default:
                throw Error(key, value, singleAllowed ? "expected a mapping or a list of mappings" : "expected a list");
        }
    }

    public IReadOnlyList<string> Strings(string key)
    {
        var value = Find(key);
        return value switch
        {
            null => [],
            YamlSequenceNode sequence => sequence.Children.Select((item, i) => item is YamlScalarNode s && s.Value is not null
                ? s.Value
                : throw new MeshConfigException($"{Child(key)}[{i}]", (int)item.Start.Line, (int)item.Start.Column, "expected a text value")).ToList(),
            _ => throw Error(key, value, "expected a list of text values"),
        };
    }

    /// <summary>A list of text values, each checked by <paramref name="problem"/> (null when fine); a problem is reported at that item's line.</summary>
    public IReadOnlyList<string> Strings(string key, Func<string, string?> problem)
    {
        var values = Strings(key);
        for (var i = 0; i < values.Count; i++)
        {
            if (problem(values[i]) is { } found)
            {
                var item = ((YamlSequenceNode)Find(key)!).Children[i];
                throw new MeshConfigException($"{Child(key)}[{i}]", (int)item.Start.Line, (int)item.Start.Column, found);
            }
        }

        return values;
    }

    /// <summary>Rejects keys no reader asked for; call after reading every key the section may have.</summary>
    public void Complete()
    {
        foreach (var (key, _) in node.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (!read.Contains(name))
            {
                var known = string.Join(", ", read.Order(StringComparer.Ordinal));
                throw new MeshConfigException(Child(name), (int)key.Start.Line, (int)key.Start.Column,
                    $"unknown key '{name}'" + (known.Length > 0 ? $" (known here: {known})" : string.Empty));
            }
        }
    }

    /// <summary>An error about the value of <paramref name="key"/>, located at that value.</summary>
    public MeshConfigException Invalid(string key, string problem) =>
        Find(key) is { } value ? Error(key, value, problem) : new MeshConfigException(Child(key), Line, (int)node.Start.Column, problem);

    public MeshConfigException Missing(string key) =>
        new(Child(key), Line, (int)node.Start.Column, $"required key '{key}' is missing");

    private string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private YamlNode? Find(string key)
    {
        read.Add(key);
        foreach (var (k, v) in node.Children)
        {
            if (k is YamlScalarNode s && s.Value == key)
            {
                positions.Record(Child(key), v.Start.Line, v.Start.Column);
                return v;
            }
        }

        return null;
    }

    private YamlScalarNode? Scalar(string key)
    {
        var value = Find(key);
        return value switch
        {
            null => null,
            YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } => null,
            YamlScalarNode scalar => scalar,
            _ => throw Error(key, value, "expected a single value, not a mapping or list"),
        };
    }

    private MeshConfigException Error(string key, YamlNode value, string problem) =>
        new(Child(key), (int)value.Start.Line, (int)value.Start.Column, problem);

    private int Indentation(int line) =>
        line >= 1 && line <= sourceLines.Length ? sourceLines[line - 1].Length - sourceLines[line - 1].TrimStart(' ').Length : 0;

    private static string FirstLine(string text) => text.Split('\n')[0];
}

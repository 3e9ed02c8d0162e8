namespace Tracery.Mesh.Admin;

using System.Text.Json;
using Tracery.Mesh.Metrics;

/// <summary>
/// <c>/admin/metrics.json</c>: Finagle's flat object of metric name to number, histograms as <c>name.p99</c>
/// fields. <c>q</c> keeps names starting with a prefix, <c>pretty</c> indents, <c>tree</c> nests by <c>/</c>.
/// </summary>
public static class MetricsJson
{
    public static void Write(Stream output, MetricsRegistry registry, string? prefix, bool pretty, bool tree)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = pretty });
        var values = registry.Flatten(prefix);
        if (tree)
        {
            WriteTree(writer, values);
        }
        else
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                writer.WriteNumber(name, value);
            }
            writer.WriteEndObject();
        }
        writer.Flush();
    }

    private static void WriteTree(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, double>> values)
    {
        var root = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var node = root;
            var parts = name.Split('/');
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (!node.TryGetValue(parts[i], out var child) || child is not SortedDictionary<string, object> dict)
                {
                    dict = new SortedDictionary<string, object>(StringComparer.Ordinal);
                    node[parts[i]] = dict;
                }
                node = dict;
            }
            node[parts[^1]] = value;
        }
        WriteNode(writer, root);
    }

    private static void WriteNode(Utf8JsonWriter writer, SortedDictionary<string, object> node)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in node)
        {
            writer.WritePropertyName(key);
            if (value is SortedDictionary<string, object> child)
            {
                WriteNode(writer, child);
            }
            else
            {
                writer.WriteNumberValue((double)value);
            }
        }
        writer.WriteEndObject();
    }
}

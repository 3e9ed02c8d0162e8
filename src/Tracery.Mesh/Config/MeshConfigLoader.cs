namespace Tracery.Mesh.Config;

using System.Collections.Immutable;
using Tracery.Mesh.Config.Routing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Loads a Linkerd-1 config from YAML or JSON (JSON is YAML). Anything that would not run (an unknown key or kind,
/// a bad value, a missing key, two listeners on one address) throws a <see cref="MeshConfigException"/> naming the
/// key and its line, so the proxy never starts half-configured.
/// </summary>
public sealed class MeshConfigLoader(ConfigKinds kinds)
{
    public MeshConfigLoader() : this(ConfigKinds.CreateDefault()) { }

    public static MeshConfig LoadFile(string path) => new MeshConfigLoader().Load(File.ReadAllText(path));

    public MeshConfig Load(string text)
    {
        var positions = new ConfigPositions();
        var root = ParseYaml(text, positions);
        var admin = AdminConfig.Read(root.Section("admin"));
        var namers = root.Sections("namers").Select(n => kinds.Namers.Read(n)).ToImmutableArray();
        CheckUniquePrefixes(namers, root);
        var telemetry = root.Sections("telemetry").Select(t => kinds.Telemeters.Read(t)).ToImmutableArray();
        var usage = UsageConfig.Read(root.Section("usage"));
        var hasRouters = root.Has("routers");
        root.Complete();
        if (!hasRouters)
        {
            throw root.Missing("routers");
        }

        var routerSections = root.Sections("routers");
        if (routerSections.Count == 0)
        {
            throw root.Invalid("routers", "at least one router is required");
        }

        var routers = routerSections.Select(r => RouterConfig.Read(r, kinds)).ToImmutableArray();
        var config = new MeshConfig(admin, namers, telemetry, usage, routers) { Positions = positions };
        ListenerCheck.Check(config, routerSections);
        return config;
    }

    private static ConfigSection ParseYaml(string text, ConfigPositions positions)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var problem = e.InnerException?.Message ?? e.Message;
            throw new MeshConfigException(string.Empty, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML or JSON: {problem}");
        }
        catch (ArgumentException e)
        {
            // The representation model rejects a key repeated in one mapping this way.
            throw new MeshConfigException(string.Empty, 0, 0, $"not a valid config: {e.Message}");
        }

        if (stream.Documents.Count == 0)
        {
            throw new MeshConfigException(string.Empty, 0, 0, "the config is empty; it needs at least 'routers'");
        }

        var node = stream.Documents[0].RootNode;
        return node is YamlMappingNode mapping
            ? new ConfigSection(mapping, string.Empty, text.Split('\n'), positions)
            : throw new MeshConfigException(string.Empty, (int)node.Start.Line, (int)node.Start.Column, "the config must be a mapping of keys (admin, namers, telemetry, routers...)");
    }

    private static void CheckUniquePrefixes(ImmutableArray<Kinds.NamerConfig> namers, ConfigSection root)
    {
        for (var i = 1; i < namers.Length; i++)
        {
            if (namers.Take(i).Any(n => n.Prefix.Equals(namers[i].Prefix)))
            {
                throw root.Sections("namers")[i].Invalid("prefix", $"another namer already has the prefix {namers[i].Prefix}; give this one a 'prefix'");
            }
        }
    }
}

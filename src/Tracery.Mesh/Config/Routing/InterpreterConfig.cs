namespace Tracery.Mesh.Config.Routing;

using System.Collections.Immutable;
using Tracery.Mesh.Config.Kinds;

/// <summary>A router's <c>interpreter</c>: only Linkerd's <c>default</c> (configured namers), with its transformers in order.</summary>
public sealed record InterpreterConfig(string Kind, ImmutableArray<TransformerConfig> Transformers)
{
    public static readonly InterpreterConfig Default = new("default", []);

    public static InterpreterConfig Read(ConfigSection? section, KindRegistry<TransformerConfig> transformers)
    {
        if (section is null)
        {
            return Default;
        }

        var kind = section.String("kind") ?? "default";
        if (kind != "default")
        {
            throw section.Invalid("kind", $"unknown interpreter kind '{kind}' (known: default)");
        }

        var list = section.Sections("transformers").Select(t => transformers.Read(t)).ToImmutableArray();
        section.Complete();
        return new(kind, list);
    }
}

namespace Tracery.Mesh.Config.Routing;

using System.Collections.Immutable;
using Tracery.Mesh.Naming;

/// <summary>
/// Parameters chosen by name: Linkerd's <c>io.l5d.global</c> (one set for all) or <c>io.l5d.static</c> (a list of
/// <c>prefix</c> + parameters; the last config whose prefix matches wins). Prefix segments may be <c>*</c> or a
/// <c>{capture}</c>, both matching any one segment.
/// </summary>
public sealed record PrefixedParams<T>(T Default, ImmutableArray<PrefixedParams<T>.Entry> Configs)
    where T : class
{
    public sealed record Entry(DentryPrefix Prefix, T Params);

    /// <summary>The parameters for a bound id (clients) or destination path (services).</summary>
    public T For(NamePath name)
    {
        for (var i = Configs.Length - 1; i >= 0; i--)
        {
            if (Configs[i].Prefix.Matches(name))
            {
                return Configs[i].Params;
            }
        }

        return Default;
    }

    public T For(string name) => For(NamePath.Parse(name));

    internal static PrefixedParams<T> Read(ConfigSection? section, T fallback, Func<ConfigSection, T> read) =>
        Read(section, fallback, (entry, _) => read(entry));

    /// <param name="read">Reads one set of parameters; its second argument is a static config's prefix text (null for global).</param>
    internal static PrefixedParams<T> Read(ConfigSection? section, T fallback, Func<ConfigSection, string?, T> read)
    {
        if (section is null)
        {
            return new(fallback, []);
        }

        var kind = section.String("kind") ?? "io.l5d.global";
        PrefixedParams<T> result;
        switch (kind)
        {
            case "io.l5d.global":
                result = new(read(section, null), []);
                break;
            case "io.l5d.static":
                var entries = section.Sections("configs").Select(entry =>
                {
                    var prefix = ReadPrefix(entry);
                    var parameters = read(entry, entry.RequireString("prefix"));
                    entry.Complete();
                    return new Entry(prefix, parameters);
                });
                result = new(fallback, entries.ToImmutableArray());
                break;
            default:
                throw section.Invalid("kind", $"unknown kind '{kind}' (known: io.l5d.global, io.l5d.static)");
        }

        section.Complete();
        return result;
    }

    private static DentryPrefix ReadPrefix(ConfigSection entry)
    {
        var text = entry.RequireString("prefix");
        try
        {
            // {service} captures match any one segment, like a wildcard.
            var wildcarded = System.Text.RegularExpressions.Regex.Replace(text, @"\{[^/}]*\}", "*");
            return DentryPrefix.Parse(wildcarded);
        }
        catch (DtabParseException e)
        {
            throw entry.Invalid("prefix", $"'{text}' is not a prefix like /#/io.l5d.fs/{{service}}: {e.Message.Split('\n')[0]}");
        }
    }
}

namespace Tracery.Mesh.Config;

/// <summary>
/// The <c>kind</c>s one config list accepts (namers, transformers, identifiers, telemeters), each with the reader of
/// its keys. Other parts of the mesh register their kinds here, so adding one needs no change to the loader.
/// </summary>
public sealed class KindRegistry<T>(string what)
    where T : class
{
    private readonly Dictionary<string, Func<ConfigSection, T>> readers = new(StringComparer.Ordinal);

    public IEnumerable<string> Kinds => readers.Keys.Order(StringComparer.Ordinal);

    /// <summary>Adds or replaces a kind; its reader reads the section's keys except <c>kind</c>, and need not call <see cref="ConfigSection.Complete"/>.</summary>
    public KindRegistry<T> Register(string kind, Func<ConfigSection, T> read)
    {
        readers[kind] = read;
        return this;
    }

    public bool Contains(string kind) => readers.ContainsKey(kind);

    /// <summary>Reads a section by its <c>kind</c> key, or <paramref name="defaultKind"/> when it has none.</summary>
    public T Read(ConfigSection section, string? defaultKind = null)
    {
        var kind = section.String("kind") ?? defaultKind ?? throw section.Missing("kind");
        if (!readers.TryGetValue(kind, out var read))
        {
            throw section.Invalid("kind", $"unknown {what} kind '{kind}' (known: {string.Join(", ", Kinds)})");
        }

        var config = read(section);
        section.Complete();
        return config;
    }
}

namespace Tracery.Mesh.Naming;

using System.Collections.Immutable;

/// <summary>
/// The show form of an immutable name or dtab, remembered with the array it was made from. Routers show the
/// same few paths and dtabs on every request (headers, metrics scopes, span tags), so each is built once. Keyed
/// by the array so that a copy made with <c>with</c>, which carries the cached field along, never shows stale text.
/// </summary>
internal sealed class ShownText<T>(ImmutableArray<T> source, string text)
{
    public string Text { get; } = text;

    public bool IsFor(ImmutableArray<T> array) => source == array;
}

namespace Tracery.Tracing.Codec.Json;

using System.Text;
using System.Text.Json;

/// <summary>
/// Maps a property name token to one of a span format's fields without allocating a string; an unknown name keeps
/// its text for error paths.
/// </summary>
internal sealed class JsonFieldNames<TField>(params (string Name, TField Id)[] fields) where TField : struct, Enum
{
    public readonly record struct Match(TField Id, string Name);

    readonly (byte[] Utf8, Match Match)[] known = [.. fields.Select(f => (Encoding.UTF8.GetBytes(f.Name), new Match(f.Id, f.Name)))];

    public Match Of(ref Utf8JsonReader reader)
    {
        foreach (var (utf8, match) in known)
        {
            if (reader.ValueTextEquals(utf8)) return match;
        }
        return new(default, reader.GetString()!);
    }
}

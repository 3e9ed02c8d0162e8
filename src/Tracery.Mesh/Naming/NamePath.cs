namespace Tracery.Mesh.Naming;

using System.Collections.Immutable;
using System.Text;

/// <summary>A hierarchical name such as <c>/svc/hello</c> (Finagle's <c>Path</c>).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Config.Json.TextJsonConverter<NamePath>))]
public sealed record NamePath(ImmutableArray<string> Segments)
{
    public static readonly NamePath Empty = new(ImmutableArray<string>.Empty);

    /// <summary>Parses <c>/a/b/c</c>; throws <see cref="FormatException"/> on text that is not a path.</summary>
    public static NamePath Parse(string text) => DtabParser.ParsePath(text);

    public static NamePath Of(params string[] segments) => new(ImmutableArray.Create(segments));

    public int Count => Segments.Length;

    public bool IsEmpty => Segments.IsEmpty;

    public NamePath Concat(NamePath suffix) => new(Segments.AddRange(suffix.Segments));

    public NamePath Append(string segment) => new(Segments.Add(segment));

    /// <summary>This path without its first <paramref name="count"/> segments.</summary>
    public NamePath Drop(int count) => count <= 0 ? this : new(Segments.RemoveRange(0, Math.Min(count, Count)));

    public NamePath Take(int count) => count >= Count ? this : new(Segments.RemoveRange(count, Count - count));

    public bool StartsWith(NamePath prefix) =>
        prefix.Count <= Count && prefix.Segments.AsSpan().SequenceEqual(Segments.AsSpan(0, prefix.Count));

    private ShownText<string>? _shown;

    public override string ToString()
    {
        if (_shown is { } shown && shown.IsFor(Segments))
        {
            return shown.Text;
        }

        if (Segments.IsEmpty)
        {
            return "/";
        }

        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            text.Append('/');
            AppendEscaped(text, segment);
        }

        _shown = new ShownText<string>(Segments, text.ToString());
        return _shown.Text;
    }

    public bool Equals(NamePath? other) => other is not null && Segments.AsSpan().SequenceEqual(other.Segments.AsSpan());

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var segment in Segments)
        {
            hash = HashCode.Combine(hash, segment);
        }

        return hash;
    }

    /// <summary>Characters a segment shows as-is (Finagle's <c>Path.isShowable</c>); others print as <c>\xHH</c>.</summary>
    internal static bool IsShowable(char c) =>
        c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_' or ':' or '.' or '#' or '$' or '%' or '-';

    private static void AppendEscaped(StringBuilder text, string segment)
    {
        foreach (var c in segment)
        {
            if (IsShowable(c))
            {
                text.Append(c);
                continue;
            }

            // Finagle escapes bytes of the UTF-8 form, so a non-ASCII segment survives a show/parse round trip.
            foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
            {
                text.Append("\\x").Append(b.ToString("x2"));
            }
        }
    }
}

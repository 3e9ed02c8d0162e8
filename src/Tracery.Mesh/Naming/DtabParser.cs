namespace Tracery.Mesh.Naming;

using System.Collections.Immutable;
using System.Globalization;
using System.Text;

/// <summary>
/// A recursive-descent parser for Finagle's dtab grammar:
/// <c>dtab := dentry (';' dentry)*</c>, <c>dentry := prefix '=>' tree</c>, <c>tree := tree1 ('|' tree1)*</c>,
/// <c>tree1 := weighted ('&amp;' weighted)*</c>, <c>weighted := [number '*'] simple</c>,
/// <c>simple := '(' tree ')' | path | '!' | '~' | '$'</c>. <c>#</c> where whitespace may appear starts a comment to the end of the line.
/// </summary>
internal sealed class DtabParser
{
    private const char End = char.MaxValue;
    private readonly string text;
    private int index;

    private DtabParser(string text) => this.text = text;

    private char Peek => index < text.Length ? text[index] : End;

    public static Dtab ParseDtab(string text) => Whole(text, p => p.Dtab());

    public static Dentry ParseDentry(string text) => Whole(text, p => p.Dentry());

    public static NamePath ParsePath(string text) => Whole(text, p => p.Path());

    public static DentryPrefix ParsePrefix(string text) => Whole(text, p => p.Prefix());

    public static NameTree<NamePath> ParseTree(string text) => Whole(text, p => p.Tree());

    private static T Whole<T>(string text, Func<DtabParser, T> parse)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new DtabParser(text);
        var result = parse(parser);
        parser.SkipWhitespace();
        if (parser.Peek != End)
        {
            parser.Fail("end of input");
        }

        return result;
    }

    private Dtab Dtab()
    {
        var entries = ImmutableArray.CreateBuilder<Dentry>();
        do
        {
            SkipWhitespace();
            if (Peek != End && Peek != ';')
            {
                entries.Add(Dentry());
                SkipWhitespace();
            }
        }
        while (TryEat(';'));

        return new Dtab(entries.ToImmutable());
    }

    private Dentry Dentry()
    {
        var prefix = Prefix();
        SkipWhitespace();
        if (Peek != '=' || index + 1 >= text.Length || text[index + 1] != '>')
        {
            Fail("'=>'");
        }

        index += 2;
        return new Dentry(prefix, Tree());
    }

    private DentryPrefix Prefix()
    {
        SkipWhitespace();
        Eat('/');
        var elements = ImmutableArray.CreateBuilder<string?>();
        if (IsLabelChar(Peek) || Peek == '*')
        {
            do
            {
                if (TryEat('*'))
                {
                    elements.Add(DentryPrefix.Wildcard);
                }
                else
                {
                    elements.Add(Label());
                }
            }
            while (TryEat('/'));
        }

        return new DentryPrefix(elements.ToImmutable());
    }

    private NamePath Path()
    {
        SkipWhitespace();
        Eat('/');
        var segments = ImmutableArray.CreateBuilder<string>();
        if (IsLabelChar(Peek))
        {
            do
            {
                segments.Add(Label());
            }
            while (TryEat('/'));
        }

        return new NamePath(segments.ToImmutable());
    }

    private NameTree<NamePath> Tree()
    {
        var trees = ImmutableArray.CreateBuilder<NameTree<NamePath>>();
        do
        {
            trees.Add(UnionTree());
            SkipWhitespace();
        }
        while (TryEat('|'));

        return trees.Count > 1 ? new NameTree<NamePath>.Alt(trees.ToImmutable()) : trees[0];
    }

    private NameTree<NamePath> UnionTree()
    {
        var trees = ImmutableArray.CreateBuilder<NameTree<NamePath>.Weighted>();
        do
        {
            trees.Add(Weighted());
            SkipWhitespace();
        }
        while (TryEat('&'));

        return trees.Count > 1 ? new NameTree<NamePath>.Union(trees.ToImmutable()) : trees[0].Tree;
    }

    private NameTree<NamePath>.Weighted Weighted()
    {
        SkipWhitespace();
        var weight = 1.0;
        if (char.IsAsciiDigit(Peek) || Peek == '.')
        {
            weight = Number();
            SkipWhitespace();
            Eat('*');
        }

        return new NameTree<NamePath>.Weighted(weight, Simple());
    }

    private double Number()
    {
        var start = index;
        var seenDot = false;
        while (char.IsAsciiDigit(Peek) || Peek == '.')
        {
            if (Peek == '.')
            {
                if (seenDot)
                {
                    Fail("a digit");
                }

                seenDot = true;
            }

            index++;
        }

        if (!double.TryParse(text.AsSpan(start, index - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight))
        {
            index = start;
            Fail("a weight");
        }

        return weight;
    }

    private NameTree<NamePath> Simple()
    {
        SkipWhitespace();
        switch (Peek)
        {
            case '(':
                index++;
                var tree = Tree();
                SkipWhitespace();
                Eat(')');
                return tree;
            case '/':
                return new NameTree<NamePath>.Leaf(Path());
            case '!':
                index++;
                return NameTree<NamePath>.FailInstance;
            case '~':
                index++;
                return NameTree<NamePath>.NegInstance;
            case '$':
                index++;
                return NameTree<NamePath>.EmptyInstance;
            default:
                Fail("a path, '(', '~', '!' or '$'");
                return null!;
        }
    }

    private string Label()
    {
        var bytes = new List<byte>();
        do
        {
            var c = Peek;
            if (NamePath.IsShowable(c))
            {
                bytes.Add((byte)c);
                index++;
            }
            else if (c == '\\')
            {
                index++;
                Eat('x');
                bytes.Add((byte)((HexDigit() << 4) | HexDigit()));
            }
            else
            {
                Fail("a label character");
            }
        }
        while (IsLabelChar(Peek));

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private int HexDigit()
    {
        var value = Peek switch
        {
            >= '0' and <= '9' => Peek - '0',
            >= 'a' and <= 'f' => Peek - 'a' + 10,
            >= 'A' and <= 'F' => Peek - 'A' + 10,
            _ => -1,
        };
        if (value < 0)
        {
            Fail("a hex digit");
        }

        index++;
        return value;
    }

    private static bool IsLabelChar(char c) => NamePath.IsShowable(c) || c == '\\';

    private void SkipWhitespace()
    {
        while (index < text.Length && (char.IsWhiteSpace(text[index]) || text[index] == '#'))
        {
            if (text[index] == '#')
            {
                while (index < text.Length && text[index] != '\n')
                {
                    index++;
                }
            }
            else
            {
                index++;
            }
        }
    }

    private bool TryEat(char c)
    {
        if (Peek != c)
        {
            return false;
        }

        index++;
        return true;
    }

    private void Eat(char c)
    {
        if (!TryEat(c))
        {
            Fail($"'{c}'");
        }
    }

    private void Fail(string expected)
    {
        var found = Peek == End ? "end of input" : $"'{Peek}'";
        var lineStart = text.LastIndexOf('\n', Math.Max(0, Math.Min(index, text.Length) - 1)) + 1;
        if (index == 0)
        {
            lineStart = 0;
        }

        var lineEnd = text.IndexOf('\n', lineStart);
        var lineText = (lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd]).TrimEnd('\r');
        var line = 1 + text.AsSpan(0, lineStart).Count('\n');
        var column = index - lineStart + 1;
        var message = $"Invalid dtab at line {line}, column {column}: {expected} expected but {found} found\n{lineText}\n{new string(' ', column - 1)}^";
        throw new DtabParseException(message, index, line, column);
    }
}

namespace Tracery.Mesh.Tests.Naming;

using Tracery.Mesh.Naming;

public sealed class DtabParseTests
{
    [Fact]
    public void TutorialDtabParsesAndShowsInFinagleForm()
    {
        var dtab = Dtab.Parse("""
            /srv        => /#/io.l5d.k8s/default/http;
            /host       => /srv;
            /svc        => /host;
            /host/world => /srv/world-v1;
            """);

        Assert.Equal(4, dtab.Entries.Length);
        Assert.Equal("/srv=>/#/io.l5d.k8s/default/http;/host=>/srv;/svc=>/host;/host/world=>/srv/world-v1", dtab.ToString());
        Assert.Equal(dtab, Dtab.Parse(dtab.ToString()));
    }

    [Theory]
    [InlineData("/a => 0.7 * /b & 0.3 * /c", "/a=>0.7*/b & 0.3*/c")]
    [InlineData("/a => /b | /c | ~", "/a=>/b | /c | ~")]
    [InlineData("/a => !", "/a=>!")]
    [InlineData("/a => $", "/a=>$")]
    [InlineData("/a => 1 * /b & 3*/c", "/a=>/b & 3*/c")]
    [InlineData("/a => (/b | /c) & .5 * /d", "/a=>(/b | /c) & 0.5*/d")]
    [InlineData("/http/1.1/GET/*/icecream => /smitten", "/http/1.1/GET/*/icecream=>/smitten")]
    [InlineData("/a => /b\\x20c", "/a=>/b\\x20c")]
    [InlineData("# routes\n/a => /b; # to b\n;;/c => /d # end", "/a=>/b;/c=>/d")]
    [InlineData("", "")]
    public void ParsesTheFullSyntax(string text, string shown) => Assert.Equal(shown, Dtab.Parse(text).ToString());

    [Fact]
    public void WeightsAndTreesAreParsedIntoTheirStructure()
    {
        var entry = Dtab.Parse("/a => 0.7 * /b & 0.3 * (/c | ~)").Entries.Single();
        var union = Assert.IsType<NameTree<NamePath>.Union>(entry.Destination);
        Assert.Equal([0.7, 0.3], union.Trees.Select(t => t.Weight));
        var alt = Assert.IsType<NameTree<NamePath>.Alt>(union.Trees[1].Tree);
        Assert.IsType<NameTree<NamePath>.Neg>(alt.Trees[1]);
    }

    [Fact]
    public void WildcardMatchesExactlyOneSegment()
    {
        var prefix = Dtab.Parse("/http/*/GET => /x").Entries[0].Prefix;
        Assert.True(prefix.Matches(NamePath.Parse("/http/1.1/GET/host")));
        Assert.False(prefix.Matches(NamePath.Parse("/http/1.1/POST/host")));
        Assert.False(prefix.Matches(NamePath.Parse("/http/1.1")));
    }

    [Theory]
    [InlineData("/svc => /host; /foo", 1, 20, "'=>' expected but end of input found")]
    [InlineData("/svc => host", 1, 9, "a path, '(', '~', '!' or '$' expected but 'h' found")]
    [InlineData("/svc = /host", 1, 6, "'=>' expected")]
    [InlineData("/a => /b;\n/c => /d |\n/e => /f", 3, 4, "end of input expected but '=' found")]
    [InlineData("/a => 0.5 /b", 1, 11, "'*' expected but '/' found")]
    [InlineData("/a => 1.2.3 * /b", 1, 10, "a digit expected")]
    [InlineData("/a => /b\\xzz", 1, 11, "a hex digit expected")]
    [InlineData("svc => /host", 1, 1, "'/' expected but 's' found")]
    [InlineData("/a => (/b | /c", 1, 15, "')' expected but end of input found")]
    public void ParseErrorsPointAtTheOffendingText(string text, int line, int column, string expected)
    {
        var error = Assert.Throws<DtabParseException>(() => Dtab.Parse(text));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(expected, error.Message);
        Assert.Contains($"line {line}, column {column}", error.Message);
        var lines = error.Message.Split('\n');
        Assert.Equal(new string(' ', column - 1) + "^", lines[^1]);
        Assert.Equal(text.Split('\n')[line - 1], lines[^2]);
    }

    [Theory]
    [InlineData("/svc/hello", new[] { "svc", "hello" })]
    [InlineData("/", new string[0])]
    [InlineData("/#/io.l5d.fs/hello", new[] { "#", "io.l5d.fs", "hello" })]
    [InlineData("/a\\x2fb", new[] { "a/b" })]
    public void PathsParse(string text, string[] segments)
    {
        var path = NamePath.Parse(text);
        Assert.Equal(segments, path.Segments);
        Assert.Equal(text, path.ToString());
    }

    [Theory]
    [InlineData("svc")]
    [InlineData("/svc hello")]
    [InlineData("/a//b")]
    public void BadPathsAreFormatErrors(string text) => Assert.ThrowsAny<FormatException>(() => NamePath.Parse(text));
}

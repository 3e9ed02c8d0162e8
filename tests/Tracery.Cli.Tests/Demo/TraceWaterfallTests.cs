namespace Tracery.Cli.Tests.Demo;

using Spectre.Console;
using Tracery.Cli.Demo;
using Tracery.Tracing.Model;

public sealed class TraceWaterfallTests
{
    private static Span Span(string id, string? parent, string service, string name, long start, long duration, SpanKind kind = SpanKind.Server) => new()
    {
        TraceId = "000000000000000a", Id = id, ParentId = parent, Kind = kind, Name = name, Timestamp = start, Duration = duration,
        LocalEndpoint = new Endpoint(service, null, null, 0),
    };

    [Fact]
    public void ChildrenFollowTheirParentInStartOrder()
    {
        Span[] spans =
        [
            Span("0000000000000003", "0000000000000001", "b", "late", 1_000_300, 10),
            Span("0000000000000001", null, "a", "root", 1_000_000, 1000),
            Span("0000000000000004", "0000000000000003", "c", "leaf", 1_000_305, 2),
            Span("0000000000000002", "0000000000000001", "b", "early", 1_000_100, 10),
        ];

        var order = TraceWaterfall.InCallOrder(spans).Select(x => (x.Span.Name, x.Depth)).ToList();

        Assert.Equal([("root", 0), ("early", 1), ("late", 1), ("leaf", 2)], order);
    }

    [Fact]
    public void SpansWithAMissingParentAreShownAsRoots()
    {
        Span[] spans = [Span("0000000000000002", "00000000000000ff", "b", "orphan", 5, 1)];

        Assert.Equal(0, Assert.Single(TraceWaterfall.InCallOrder(spans)).Depth);
    }

    [Theory]
    [InlineData(850, "850μs")]
    [InlineData(12_345, "12.345ms")]
    [InlineData(1_234_000, "1.234s")]
    public void DurationsReadLikeTheUi(long micros, string text) => Assert.Equal(text, TraceWaterfall.FormatDuration(micros));

    [Fact]
    public void RowsShowServiceNameDurationAndABarOnTheTimeline()
    {
        Span[] spans =
        [
            Span("0000000000000001", null, "127.0.0.2/4140", "outgoing /svc/hello", 0, 40_000),
            Span("0000000000000002", "0000000000000001", "%/io.l5d.port/4141/#/io.l5d.fs/hello", "get /", 20_000, 20_000, SpanKind.Client),
        ];
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 200;

        console.Write(TraceWaterfall.Render(spans, barWidth: 10));

        var lines = output.ToString().Split('\n');
        var root = Assert.Single(lines, l => l.Contains("outgoing /svc/hello (server)"));
        var child = Assert.Single(lines, l => l.Contains("get / (client)"));
        Assert.Contains("127.0.0.2/4140", root);
        Assert.Contains("40ms", root);
        Assert.Contains("██████████", root);
        Assert.Contains("  %/io.l5d.port/4141/#/io.l5d.fs/hello", child);
        Assert.Contains("20ms", child);
        Assert.Contains("     █████", child);
        Assert.DoesNotContain("██████", child);
    }
}

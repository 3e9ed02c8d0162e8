namespace Tracery.Storage.Tests.Query;

using Tracery.Storage.Query;
using Tracery.Tracing.Model;
using static Tracery.Storage.Tests.Conformance.TestObjects;

/// <summary>Zipkin's QueryRequestTest, the <c>test_*</c> half: does one trace match (§3.3)?</summary>
public sealed class TraceMatcherTests
{
    static readonly List<Span> Trace = NewTrace("7180c278b62e8f6a216a2aea45d08fc9", "");

    static QueryRequest Request => new() { EndTs = Today + Day, Lookback = Day, Limit = 10 };

    [Fact]
    public void Test_RootSpanNotFirst()
    {
        var reversed = Trace.AsEnumerable().Reverse().ToList();
        Assert.Equal(Trace[0].Timestamp, TraceMatcher.ReferenceTimestamp(reversed));
        Assert.False((Request with { EndTs = Today + 100, Lookback = 50 }).Matches(reversed)); // root at Today is outside
    }

    [Fact]
    public void Test_NoRootSpanLeastWins()
    {
        var headless = Trace.Skip(1).ToList();
        Assert.Equal(Trace[1].Timestamp, TraceMatcher.ReferenceTimestamp(headless));
    }

    [Fact]
    public void Test_NoTimestamp() => Assert.False(Request.Matches([Trace[0] with { Timestamp = 0 }]));

    [Fact]
    public void Test_WindowInclusive()
    {
        var span = Trace[0];
        Assert.True((Request with { EndTs = Today, Lookback = 1 }).Matches([span]));
        Assert.True((Request with { EndTs = Today + 1, Lookback = 1 }).Matches([span]));
        Assert.False((Request with { EndTs = Today - 1, Lookback = 1 }).Matches([span]));
    }

    [Fact]
    public void Test_ServiceNameConstrainsOtherConditions()
    {
        // "foo" is an annotation of the frontend's client span, not of the backend
        Assert.True((Request with { ServiceName = "frontend", AnnotationQuery = AnnotationQuery.Parse("foo") }).Matches(Trace));
        Assert.False((Request with { ServiceName = "backend", AnnotationQuery = AnnotationQuery.Parse("foo") }).Matches(Trace));
        Assert.False((Request with { ServiceName = "nobody" }).Matches(Trace));
    }

    [Fact]
    public void Test_TagKeyOrValue()
    {
        Assert.True((Request with { AnnotationQuery = AnnotationQuery.Parse("http.path") }).Matches(Trace));
        Assert.True((Request with { AnnotationQuery = AnnotationQuery.Parse("http.path=/api") }).Matches(Trace));
        Assert.False((Request with { AnnotationQuery = AnnotationQuery.Parse("http.path=/foo") }).Matches(Trace));
    }

    /// <summary>Conditions may be met by different spans, but both duration bounds by one span.</summary>
    [Fact]
    public void Test_Duration()
    {
        Assert.True((Request with { MinDuration = 350_000 }).Matches(Trace));
        Assert.False((Request with { MinDuration = 350_001 }).Matches(Trace));
        Assert.True((Request with { MinDuration = 40_000, MaxDuration = 60_000 }).Matches(Trace));
        Assert.False((Request with { MinDuration = 160_000, MaxDuration = 190_000 }).Matches(Trace));
    }

    [Fact]
    public void Test_RemoteServiceAndSpanName()
    {
        Assert.True((Request with { RemoteServiceName = "db", SpanName = "get" }).Matches(Trace));
        Assert.False((Request with { ServiceName = "frontend", RemoteServiceName = "db" }).Matches(Trace));
    }
}

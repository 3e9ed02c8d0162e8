namespace Tracery.Storage.Tests.Query;

using Tracery.Storage.Query;

/// <summary>Zipkin's QueryRequestTest, the parsing and validation half (§1.2).</summary>
public sealed class QueryRequestTests
{
    static QueryRequest Valid => new() { EndTs = 1000, Lookback = 1000, Limit = 10 };

    static void AssertRejected(QueryRequest request, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => request.Validate()).Message);

    [Fact]
    public void EndTsMustBePositive() => AssertRejected(Valid with { EndTs = 0 }, "endTs <= 0");

    [Fact]
    public void LimitMustBePositive() => AssertRejected(Valid with { Limit = 0 }, "limit <= 0");

    [Fact]
    public void LookbackMustBePositive() => AssertRejected(Valid with { Lookback = 0 }, "lookback <= 0");

    [Fact]
    public void MinDurationMustBePositive() => AssertRejected(Valid with { MinDuration = 0 }, "minDuration <= 0");

    [Fact]
    public void MaxDuration_OnlyWithMinDuration() => AssertRejected(Valid with { MaxDuration = 5 }, "maxDuration is only valid with minDuration");

    [Fact]
    public void MaxDuration_NotLessThanMinDuration() => AssertRejected(Valid with { MinDuration = 5, MaxDuration = 4 }, "maxDuration < minDuration");

    [Fact]
    public void DependencyWindow_Rejected()
    {
        Assert.Equal("endTs <= 0", Assert.Throws<ArgumentException>(() => QueryRequestValidation.ValidateWindow(0, 1)).Message);
        Assert.Equal("lookback <= 0", Assert.Throws<ArgumentException>(() => QueryRequestValidation.ValidateWindow(1, -1)).Message);
    }

    [Fact]
    public void ServiceName_Coerced()
    {
        Assert.Null((Valid with { ServiceName = "" }).Validate().ServiceName);
        Assert.Equal("frontend", (Valid with { ServiceName = "FrontEnd" }).Validate().ServiceName);
        Assert.Null((Valid with { RemoteServiceName = "" }).Validate().RemoteServiceName);
        Assert.Equal("db", (Valid with { RemoteServiceName = "DB" }).Validate().RemoteServiceName);
    }

    [Theory]
    [InlineData("all")]
    [InlineData("ALL")]
    [InlineData("")]
    public void SpanName_CoercesAllToNull(string name) => Assert.Null((Valid with { SpanName = name }).Validate().SpanName);

    [Fact]
    public void SpanName_Lowercased() => Assert.Equal("get /foo", (Valid with { SpanName = "GET /Foo" }).Validate().SpanName);

    [Fact]
    public void AnnotationQuery_BareTermsAndTags() => Assert.Equal(
        new Dictionary<string, string> { ["error"] = "", ["http.method"] = "GET" },
        AnnotationQuery.Parse("error and http.method=GET"));

    [Fact]
    public void AnnotationQueryTrimsSpaces() => Assert.Equal(
        new Dictionary<string, string> { ["fo"] = "", ["bar"] = "baz" },
        AnnotationQuery.Parse("fo  and  bar = baz "));

    /// <summary>A bare key never replaces a more specific tag; the last tag for a key wins.</summary>
    [Fact]
    public void AnnotationQueryParameterSpecificity()
    {
        Assert.Equal(new Dictionary<string, string> { ["a"] = "b" }, AnnotationQuery.Parse("a=b and a"));
        Assert.Equal(new Dictionary<string, string> { ["a"] = "c" }, AnnotationQuery.Parse("a=b and a=c"));
    }

    [Fact]
    public void AnnotationQuery_EmptyValueIsBareKey() => Assert.Equal(new Dictionary<string, string> { ["k"] = "" }, AnnotationQuery.Parse("k="));

    [Fact]
    public void AnnotationQuery_ValueMayContainEquals() => Assert.Equal(new Dictionary<string, string> { ["q"] = "a=b" }, AnnotationQuery.Parse("q=a=b"));

    [Fact]
    public void AnnotationQuery_Absent() => Assert.Empty(AnnotationQuery.Parse(null));
}

namespace Tracery.Tracing.Tests.Model;

using Tracery.Tracing.Model;

public sealed class SpanBuilderTests
{
    static SpanBuilder Minimal() => new SpanBuilder().TraceId("1").Id("2");

    [Fact]
    public void MissingIdsAreNamed() =>
        Assert.Equal("Missing : traceId id", Assert.Throws<ArgumentException>(() => new SpanBuilder().Build()).Message);

    [Fact]
    public void ParentIdEqualToIdIsDropped() => Assert.Null(Minimal().ParentId("2").Build().ParentId);

    [Fact]
    public void NameIsLowerCasedAndEmptyIsAbsent()
    {
        Assert.Equal("get /api", Minimal().Name("GET /api").Build().Name);
        Assert.Null(Minimal().Name("").Build().Name);
    }

    [Fact]
    public void NonPositiveTimesAreAbsent()
    {
        var span = Minimal().Timestamp(-1).Duration(0).Build();
        Assert.Equal(0, span.Timestamp);
        Assert.Equal(0, span.Duration);
    }

    [Fact]
    public void SharedIsRemovedFromClientSpansOnly()
    {
        Assert.False(Minimal().Kind(SpanKind.Client).Shared(true).Build().Shared);
        Assert.True(Minimal().Kind(SpanKind.Server).Shared(true).Build().Shared);
    }

    [Fact]
    public void AnnotationsAreSortedAndDeduplicated()
    {
        var span = Minimal().AddAnnotation(2, "b").AddAnnotation(1, "z").AddAnnotation(2, "a").AddAnnotation(1, "z").Build();
        Assert.Equal([new(1, "z"), new(2, "a"), new(2, "b")], span.Annotations);
    }

    [Fact]
    public void TagsAreSortedByKeyAndTheLastValueWins()
    {
        var span = Minimal().PutTag("b", "1").PutTag("a", "2").PutTag("b", "3").PutTag("B", "4").Build();
        Assert.Equal(["B", "a", "b"], span.Tags.Keys);
        Assert.Equal("3", span.Tags["b"]);
    }

    [Fact]
    public void EmptyEndpointsAreDropped() =>
        Assert.Null(Minimal().LocalEndpoint(new Endpoint("", null, null, 0)).Build().LocalEndpoint);

    [Fact]
    public void NormalizeAppliesTheRulesToAnInitializedSpan()
    {
        var raw = new Span { TraceId = "0000000000000000000000000000000a", Id = "b", ParentId = "b", Name = "X", Kind = SpanKind.Client, Shared = true };
        var normal = raw.Normalize();
        Assert.Equal(new Span { TraceId = "000000000000000a", Id = "000000000000000b", Name = "x", Kind = SpanKind.Client }, normal);
    }
}

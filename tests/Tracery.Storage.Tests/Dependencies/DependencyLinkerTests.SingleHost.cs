namespace Tracery.Storage.Tests.Dependencies;

using Tracery.Storage.Dependencies;
using Tracery.Tracing.Model;
using static LinkerSpans;

public sealed partial class DependencyLinkerTests
{
    /// <summary>Spans naming only their own side link without double counting when the kind is known.</summary>
    [Fact]
    public void SingleHostSpansResultInASingleCallCount() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Client, "client", null, false),
            Span("a", "a", "b", SpanKind.Server, "server", null, false),
        ]), Link("client", "server", 1));

    [Fact]
    public void SingleHostSpansResultInASingleErrorCount() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Client, "client", null, true),
            Span("a", "a", "b", SpanKind.Server, "server", null, true),
        ]), Link("client", "server", 1, 1));

    [Fact]
    public void SingleHostSpansResultInASingleErrorCount_SameId() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Client, "client", null, true),
            Span("a", null, "a", SpanKind.Server, "server", null, true) with { Shared = true },
        ]), Link("client", "server", 1, 1));

    [Fact]
    public void SingleHostSpansResultInASingleCallCount_DefersNameToServer() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Client, "client", "server", false),
            Span("a", "a", "b", SpanKind.Server, "server", null, false),
        ]), Link("client", "server", 1));

    [Fact]
    public void SingleHostSpans_MultipleChildren() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Client, "client", null, false),
            Span("a", "a", "b", SpanKind.Server, "server", "client", true),
            Span("a", "a", "c", SpanKind.Server, "server", "client", false),
        ]), Link("client", "server", 2, 1));

    [Fact]
    public void SingleHostSpans_MultipleChildren_DefersNameToServer() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Client, "client", "server", false),
            Span("a", "a", "b", SpanKind.Server, "server", null, false),
            Span("a", "a", "c", SpanKind.Server, "server", null, false),
        ]), Link("client", "server", 2));

    /// <summary>Spans intermediated by a span of unknown kind link to the nearest server.</summary>
    [Fact]
    public void IntermediatedClientSpansMissingLocalServiceNameLinkToNearestServer() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Server, "client", null, false),
            Span("a", "a", "b", SpanKind.Unspecified, null, null, false),
            // possibly a local fan-out span
            Span("a", "b", "c", SpanKind.Client, "server", null, false),
            Span("a", "b", "d", SpanKind.Client, "server", null, false),
        ]), Link("client", "server", 2));

    /// <summary>No remote here, so no error count.</summary>
    [Fact]
    public void ErrorsOnUninstrumentedLinks() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Server, "client", null, false),
            Span("a", "a", "b", SpanKind.Unspecified, null, null, false),
            Span("a", "b", "c", SpanKind.Client, "server", null, true),
            Span("a", "b", "d", SpanKind.Client, "server", null, true),
        ]), Link("client", "server", 2));

    [Fact]
    public void ErrorsOnInstrumentedLinks() => AssertLinksInAnyOrder(Links(
        [
            Span("a", null, "a", SpanKind.Server, "foo", null, false),
            Span("a", "a", "b", SpanKind.Unspecified, null, null, false),
            Span("a", "b", "c", SpanKind.Client, "bar", "baz", true),
            Span("a", "b", "d", SpanKind.Client, "bar", "baz", false),
        ]), Link("foo", "bar", 2), Link("bar", "baz", 2, 1));

    /// <summary>A tag marks a failed span, not an annotation.</summary>
    [Fact]
    public void AnnotationNamedErrorDoesntIncrementErrorCount() => AssertLinks(Links(
        [
            Span("a", "b", "c", SpanKind.Client, "foo", "bar", false) with { Annotations = [new Annotation(1, "error")] },
        ]), Link("foo", "bar", 1));

    /// <summary>A loopback span links properly whatever its kind.</summary>
    [Fact]
    public void LinksLoopbackSpans()
    {
        foreach (var span in new[]
        {
            Span("a", null, "a", SpanKind.Server, "service", "service", false),
            Span("b", null, "b", SpanKind.Client, "service", "service", false),
        })
        {
            AssertLinks(Links([span]), Link("service", "service", 1));
        }
    }

    [Fact]
    public void NoSpanKindTreatedSameAsClient() => AssertLinksInAnyOrder(Links(
        [
            Span("a", null, "a", SpanKind.Unspecified, "some-client", "web", false),
            Span("a", "a", "b", SpanKind.Unspecified, "web", "app", false),
            Span("a", "b", "c", SpanKind.Unspecified, "app", "db", false),
        ]), Link("some-client", "web", 1), Link("web", "app", 1), Link("app", "db", 1));

    [Fact]
    public void NoSpanKindWithError() => AssertLinksInAnyOrder(Links(
        [
            Span("a", null, "a", SpanKind.Unspecified, "some-client", "web", false),
            Span("a", "a", "b", SpanKind.Unspecified, "web", "app", true),
            Span("a", "b", "c", SpanKind.Unspecified, "app", "db", false),
        ]), Link("some-client", "web", 1), Link("web", "app", 1, 1), Link("app", "db", 1));

    /// <summary>A link is between two services: both names are needed.</summary>
    [Fact]
    public void CannotLinkSingleSpanWithoutBothServiceNames()
    {
        foreach (var span in new[]
        {
            Span("a", null, "a", SpanKind.Server, null, null, false),
            Span("a", null, "a", SpanKind.Server, "server", null, false),
            Span("a", null, "a", SpanKind.Server, null, "client", false),
            Span("a", null, "a", SpanKind.Client, null, null, false),
            Span("a", null, "a", SpanKind.Client, "client", null, false),
            Span("a", null, "a", SpanKind.Client, null, "server", false),
        })
        {
            Assert.Empty(Links([span]));
        }
    }

    [Fact]
    public void DoesntLinkUnrelatedSpansWhenMissingRootSpan() => Assert.Empty(Links(
        [
            Span("a", "a", "b", SpanKind.Server, "service1", null, false),
            Span("a", "a", "c", SpanKind.Server, "service2", null, false),
        ]));

    [Fact]
    public void LinksRelatedSpansWhenMissingRootSpan() => AssertLinks(Links(
        [
            Span("a", "a", "b", SpanKind.Server, "service1", null, false),
            Span("a", "b", "c", SpanKind.Server, "service2", null, false),
        ]), Link("service1", "service2", 1));

    /// <summary>Client and server spans that do not share ids are servers missing their peer.</summary>
    [Fact]
    public void LinksSingleHostSpans() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Client, "web", null, false),
            Span("a", "a", "b", SpanKind.Server, "app", null, false),
        ]), Link("web", "app", 1));

    [Fact]
    public void LinksSingleHostSpans_ErrorOnClient() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Client, "web", null, true),
            Span("a", "a", "b", SpanKind.Server, "app", null, false),
        ]), Link("web", "app", 1, 1));

    /// <summary>A missing span (an RPC from web to app) still yields a link.</summary>
    [Fact]
    public void MissingSpan() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Server, "web", null, false),
            Span("a", "a", "b", SpanKind.Client, "app", null, false),
        ]), Link("web", "app", 1));

    [Fact]
    public void Merge() => AssertLinks(
        DependencyLinker.Merge([Link("foo", "bar", 2, 1), Link("foo", "bar", 2, 2), Link("foo", "foo", 1)]),
        Link("foo", "bar", 4, 3), Link("foo", "foo", 1));

    [Fact]
    public void Merge_Error() => AssertLinks(
        DependencyLinker.Merge([Link("client", "server", 2), Link("client", "server", 2), Link("client", "client", 1)]),
        Link("client", "server", 4), Link("client", "client", 1));
}

namespace Tracery.Storage.Tests.Dependencies;

using Tracery.Storage.Dependencies;
using Tracery.Tracing.Model;
using static LinkerSpans;

/// <summary>Zipkin's DependencyLinkerTest, case by case (§3.6, §4.8).</summary>
public sealed partial class DependencyLinkerTests
{
    // In reverse order, as reporting is more likely to happen this way.
    static readonly IReadOnlyList<Span> Trace =
    [
        Span("a", "b", "c", SpanKind.Client, "app", "db", true),
        Span("a", "a", "b", SpanKind.Server, "app", "web", false) with { Shared = true },
        Span("a", "a", "b", SpanKind.Client, "web", "app", false),
        Span("a", null, "a", SpanKind.Server, "web", null, false),
    ];

    static IReadOnlyList<DependencyLink> Links(params IReadOnlyList<Span>[] traces)
    {
        var linker = new DependencyLinker();
        foreach (var trace in traces) linker.PutTrace(trace);
        return linker.Link();
    }

    static void AssertLinks(IReadOnlyList<DependencyLink> actual, params DependencyLink[] expected) => Assert.Equal(expected, actual);

    /// <summary>containsOnly: the same links in any order.</summary>
    static void AssertLinksInAnyOrder(IReadOnlyList<DependencyLink> actual, params DependencyLink[] expected) =>
        Assert.Equal(expected.OrderBy(l => l.Parent).ThenBy(l => l.Child), actual.OrderBy(l => l.Parent).ThenBy(l => l.Child));

    [Fact]
    public void BaseCase() => Assert.Empty(new DependencyLinker().Link());

    [Fact]
    public void LinksSpans() => AssertLinks(Links(Trace), Link("web", "app", 1), Link("app", "db", 1, 1));

    /// <summary>The trace id need not equal the root span id.</summary>
    [Fact]
    public void TraceIdIsOpaque() =>
        Assert.Equal(Links(Trace), Links(Trace.Select(s => s with { TraceId = Hex("123") }).ToList()));

    /// <summary>A server that did not receive its parent id: reported in reverse order.</summary>
    [Fact]
    public void LinksSpans_ServerMissingParentId()
    {
        List<Span> trace =
        [
            Span("a", null, "a", SpanKind.Server, "arn", null, false),
            Span("a", "a", "b", SpanKind.Client, "arn", "link", false),
            // the parent id was not propagated
            Span("a", null, "b", SpanKind.Server, "link", "arn", false) with { Shared = true },
        ];
        trace.Reverse();
        AssertLinks(Links(trace), Link("arn", "link", 1));
    }

    /// <summary>A parent id stored late resolves once it arrives.</summary>
    [Fact]
    public void LateParentIdInSharedSpan()
    {
        var withLateParent = Trace.ToList();
        withLateParent[2] = Trace[2] with { ParentId = null };
        AssertLinks(Links(withLateParent), Link("web", "app", 1), Link("app", "db", 1, 1));
    }

    /// <summary>A late parent id resolves even when the client side is never sent.</summary>
    [Fact]
    public void LostChildAndNoParentIdInSharedSpan()
    {
        var lostClientOrphan = Trace.ToList();
        lostClientOrphan[2] = Trace[2] with { ParentId = null };
        lostClientOrphan.RemoveAt(1);
        AssertLinks(Links(lostClientOrphan), Link("web", "app", 1), Link("app", "db", 1, 1));
    }

    [Fact]
    public void MessagingSpansDontLinkWithoutBroker_Consumer() => AssertLinksInAnyOrder(Links(
        [
            Span("a", null, "a", SpanKind.Producer, "producer", null, false),
            Span("a", "a", "b", SpanKind.Consumer, "consumer", "kafka", false),
        ]), Link("kafka", "consumer", 1));

    [Fact]
    public void MessagingSpansDontLinkWithoutBroker_Producer() => AssertLinksInAnyOrder(Links(
        [
            Span("a", null, "a", SpanKind.Producer, "producer", "kafka", false),
            Span("a", "a", "b", SpanKind.Consumer, "consumer", null, false),
        ]), Link("producer", "kafka", 1));

    [Fact]
    public void MessagingWithBroker_Both_Sides_Same() => AssertLinksInAnyOrder(Links(
        [
            Span("a", null, "a", SpanKind.Producer, "producer", "kafka", false),
            Span("a", "a", "b", SpanKind.Consumer, "consumer", "kafka", false),
        ]), Link("producer", "kafka", 1), Link("kafka", "consumer", 1));

    [Fact]
    public void MessagingWithBroker_Different() => AssertLinksInAnyOrder(Links(
        [
            Span("a", null, "a", SpanKind.Producer, "producer", "kafka1", false),
            Span("a", "a", "b", SpanKind.Consumer, "consumer", "kafka2", false),
        ]), Link("producer", "kafka1", 1), Link("kafka2", "consumer", 1));

    /// <summary>No direct producer-to-consumer link is assumed.</summary>
    [Fact]
    public void MessagingWithoutBroker_NoLinks() => Assert.Empty(Links(
        [
            Span("a", null, "a", SpanKind.Producer, "producer", null, false),
            Span("a", "a", "b", SpanKind.Consumer, "consumer", null, false),
        ]));

    /// <summary>A server child of a producer is really an RPC.</summary>
    [Fact]
    public void ProducerLinksToServer_ChildSpan() => AssertLinksInAnyOrder(Links(
        [
            Span("a", null, "a", SpanKind.Producer, "producer", null, false),
            Span("a", "a", "b", SpanKind.Server, "server", null, false),
        ]), Link("producer", "server", 1));

    /// <summary>Servers most often join the span of their caller, a producer here.</summary>
    [Fact]
    public void ProducerLinksToServer_SameSpan() => AssertLinksInAnyOrder(Links(
        [
            Span("a", null, "a", SpanKind.Producer, "producer", null, false),
            Span("a", null, "a", SpanKind.Server, "server", null, false) with { Shared = true },
        ]), Link("producer", "server", 1));

    /// <summary>A client used instead of a producer does not link to a consumer: the consumer side is authoritative.</summary>
    [Fact]
    public void ClientDoesntLinkToConsumer_Child() => Assert.Empty(Links(
        [
            Span("a", null, "a", SpanKind.Client, "client", null, false),
            Span("a", "a", "b", SpanKind.Consumer, "consumer", null, false),
        ]));

    /// <summary>A root that knows its peer: the kind gives the direction.</summary>
    [Fact]
    public void LinksSpansDirectedByKind()
    {
        foreach (var span in new[]
        {
            Span("a", null, "a", SpanKind.Server, "server", "client", false),
            Span("a", null, "a", SpanKind.Client, "client", "server", false) with { Shared = true },
        })
        {
            AssertLinks(Links([span]), Link("client", "server", 1));
        }
    }

    [Fact]
    public void CallsAgainstTheSameLinkIncreasesCallCount_Span() => AssertLinks(Links(
        [
            Span("a", null, "a", SpanKind.Server, "client", null, false),
            Span("a", "a", "b", SpanKind.Client, null, "server", false),
            Span("a", "a", "c", SpanKind.Client, null, "server", false),
        ]), Link("client", "server", 2));

    [Fact]
    public void CallsAgainstTheSameLinkIncreasesCallCount_Trace()
    {
        IReadOnlyList<Span> trace =
        [
            Span("a", null, "a", SpanKind.Server, "client", null, false),
            Span("a", "a", "b", SpanKind.Client, null, "server", false),
        ];
        AssertLinks(Links(trace, trace), Link("client", "server", 2));
    }
}

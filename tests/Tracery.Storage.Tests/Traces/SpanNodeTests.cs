namespace Tracery.Storage.Tests.Traces;

using Tracery.Storage.Traces;
using Tracery.Tracing.Model;
using static Tracery.Storage.Tests.Dependencies.LinkerSpans;

/// <summary>Tree building as Zipkin's SpanNodeTest describes it (§2.3).</summary>
public sealed class SpanNodeTests
{
    static Span S(string? parentId, string id, SpanKind kind = SpanKind.Unspecified, string? local = null, long timestamp = 0, bool shared = false) =>
        Span("1", parentId, id, kind, local, null, false) with { Timestamp = timestamp, Shared = shared };

    static List<string> Ids(SpanNode root) => root.Traverse().Select(n => n.Span!.Id.TrimStart('0')).ToList();

    [Fact]
    public void Build_RejectsEmpty() => Assert.Throws<ArgumentException>(() => SpanNode.Build([]));

    [Fact]
    public void Build_RootAndChildren_TraversesBreadthFirst()
    {
        var root = SpanNode.Build([S("b", "d"), S("a", "c"), S("a", "b"), S(null, "a"), S("b", "e")]);
        Assert.Equal("a", root.Span!.Id.TrimStart('0'));
        // breadth-first: b's children come after its sibling c (depth-first would give a, b, d, e, c)
        Assert.Equal(["a", "b", "c", "d", "e"], Ids(root));
    }

    /// <summary>Without a root span, a synthetic root holds every span whose parent is missing.</summary>
    [Fact]
    public void Build_Headless()
    {
        var root = SpanNode.Build([S("a", "b"), S("a", "c"), S("c", "d")]);
        Assert.Null(root.Span);
        Assert.Equal(["b", "c"], root.Children.Select(c => c.Span!.Id.TrimStart('0')));
        Assert.Equal(["b", "c", "d"], Ids(root));
    }

    /// <summary>The first span without a parent is the root; a second one becomes its child.</summary>
    [Fact]
    public void Build_DuplicateRoots_FirstWins()
    {
        var root = SpanNode.Build([S(null, "a"), S(null, "b")]);
        Assert.Equal("a", root.Span!.Id.TrimStart('0'));
        Assert.Equal(["b"], root.Children.Select(c => c.Span!.Id.TrimStart('0')));
    }

    /// <summary>A server sharing its client's id is the client's child.</summary>
    [Fact]
    public void Build_SharedServerIsChildOfClient()
    {
        var root = SpanNode.Build(
        [
            S(null, "a", SpanKind.Server, "frontend"),
            S("a", "b", SpanKind.Client, "frontend"),
            S("a", "b", SpanKind.Server, "backend", shared: true),
            S("b", "c", SpanKind.Unspecified, "backend"),
        ]);
        var client = Assert.Single(root.Children);
        Assert.Equal(SpanKind.Client, client.Span!.Kind);
        var server = Assert.Single(client.Children);
        Assert.True(server.Span!.Shared);
        // a local span of the backend hangs under the shared server on its endpoint, not the client
        Assert.Equal("c", Assert.Single(server.Children).Span!.Id.TrimStart('0'));
    }

    [Fact]
    public void Build_ChildrenSortedByTimestamp()
    {
        var root = SpanNode.Build([S(null, "a"), S("a", "b", timestamp: 30), S("a", "c", timestamp: 10), S("a", "d", timestamp: 20)]);
        Assert.Equal(["c", "d", "b"], root.Children.Select(c => c.Span!.Id.TrimStart('0')));
    }

    /// <summary>A span naming itself as parent does not make a cycle.</summary>
    [Fact]
    public void Build_SelfParent_NoCycle()
    {
        var root = SpanNode.Build([S(null, "a"), S("b", "b")]);
        Assert.Equal(["a", "b"], Ids(root));
    }

    [Fact]
    public void Build_ParentLinksUp()
    {
        var root = SpanNode.Build([S(null, "a"), S("a", "b")]);
        Assert.Same(root, root.Children[0].Parent);
        Assert.Null(root.Parent);
    }

    /// <summary>Spans come from clients: a very deep trace must not overflow the stack.</summary>
    [Fact]
    public void Build_DeepTrace_NoStackOverflow()
    {
        const int depth = 30_000;
        var spans = Enumerable.Range(1, depth)
            .Select(i => S(i == 1 ? null : (i - 1).ToString("x"), i.ToString("x"), SpanKind.Server, "svc", timestamp: i))
            .ToList();
        Assert.Equal(depth, SpanNode.Build(spans).Traverse().Count());
    }
}

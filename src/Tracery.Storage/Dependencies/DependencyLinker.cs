namespace Tracery.Storage.Dependencies;

using Tracery.Storage.Traces;
using Tracery.Tracing.Model;

/// <summary>
/// Zipkin's <c>DependencyLinker</c> (§3.6): walks each trace tree breadth-first and counts calls
/// between services. Links come from server spans, from messaging spans through their named broker,
/// and, at the leaves, from client spans that name an uninstrumented remote service.
/// </summary>
public sealed class DependencyLinker
{
    readonly LinkCounter _counter = new();

    /// <summary>Adds one trace: all <paramref name="spans"/> share a trace id (its low 64 bits suffice).</summary>
    public DependencyLinker PutTrace(IReadOnlyList<Span> spans)
    {
        if (spans.Count == 0) return this;
        var tree = SpanNode.Build(spans);
        // Breadth-first visits a parent before its children, so each node's nearest remote ancestor
        // is its parent or its parent's: one step per node, even down a long chain of local spans.
        var remoteAncestors = new Dictionary<SpanNode, Span?>();
        foreach (var node in tree.Traverse())
        {
            var remoteAncestor = RemoteAncestorOf(node, remoteAncestors);
            remoteAncestors[node] = remoteAncestor;
            Link(tree, node, remoteAncestor);
        }
        return this;
    }

    /// <summary>The links counted so far, in the order first seen.</summary>
    public IReadOnlyList<DependencyLink> Link() => _counter.Links();

    /// <summary>Sums links that share (parent, child), keeping first-seen order.</summary>
    public static IReadOnlyList<DependencyLink> Merge(IEnumerable<DependencyLink> links)
    {
        var counter = new LinkCounter();
        foreach (var link in links) counter.Add(link.Parent, link.Child, link.CallCount, link.ErrorCount);
        return counter.Links();
    }

    void Link(SpanNode root, SpanNode node, Span? remoteAncestor)
    {
        var span = node.Span!;
        var kind = span.Kind;
        // A client with children is linked from its server child, whose name is authoritative.
        if (kind == SpanKind.Client && node.Children.Count > 0) return;

        var serviceName = span.LocalServiceName;
        var remoteServiceName = span.RemoteServiceName;
        if (kind == SpanKind.Unspecified)
        {
            // A span of unknown kind that knows both sides is a client; otherwise it is local.
            if (serviceName is null || remoteServiceName is null) return;
            kind = SpanKind.Client;
        }

        string? parent, child;
        if (kind is SpanKind.Server or SpanKind.Consumer)
        {
            (parent, child) = (remoteServiceName, serviceName);
            if (ReferenceEquals(node, root) && parent is null) return; // the root's caller is unknown
        }
        else
        {
            (parent, child) = (serviceName, remoteServiceName);
        }

        // Only the "error" tag marks a failure; an annotation named "error" is just an event.
        var isError = span.Tags.ContainsKey("error");
        if (kind is SpanKind.Producer or SpanKind.Consumer)
        {
            // Messaging links go through the broker; never assume producer calls consumer directly.
            if (parent is not null && child is not null) _counter.Add(parent, child, 1, isError ? 1 : 0);
            return;
        }

        // Local spans may sit between this span and its remote parent.
        if (remoteAncestor?.LocalServiceName is { } ancestorName)
        {
            // Some put the remote service on a client span: backfill the hop from the nearest server.
            if (kind == SpanKind.Client && serviceName is not null && ancestorName != serviceName)
            {
                _counter.Add(ancestorName, serviceName, 1, 0);
            }
            if (kind == SpanKind.Server || parent is null) parent = ancestorName;

            // An RPC split across a client and its server child: the client's error counts.
            if (!isError && remoteAncestor.Kind == SpanKind.Client && span.ParentId is not null && span.ParentId == remoteAncestor.Id)
            {
                isError = remoteAncestor.Tags.ContainsKey("error");
            }
        }

        if (parent is null || child is null) return;
        _counter.Add(parent, child, 1, isError ? 1 : 0);
    }

    static Span? RemoteAncestorOf(SpanNode node, Dictionary<SpanNode, Span?> known) => node.Parent switch
    {
        null or { Span: null } => null,
        { Span.Kind: not SpanKind.Unspecified } parent => parent.Span,
        var parent => known.GetValueOrDefault(parent),
    };
}

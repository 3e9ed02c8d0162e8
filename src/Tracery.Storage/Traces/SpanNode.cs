namespace Tracery.Storage.Traces;

using Tracery.Tracing.Model;

/// <summary>
/// A node of a trace tree (Zipkin's <c>SpanNode</c>). The root's <see cref="Span"/> is null when the
/// trace has no root span: then every span whose parent is missing hangs under that synthetic root.
/// </summary>
public sealed class SpanNode
{
    readonly List<SpanNode> _children = [];

    internal SpanNode(Span? span) => Span = span;

    /// <summary>Null for a synthetic root.</summary>
    public Span? Span { get; }

    /// <summary>Null for the root.</summary>
    public SpanNode? Parent { get; private set; }

    /// <summary>Ordered by timestamp (spans without one first), then as reported.</summary>
    public IReadOnlyList<SpanNode> Children => _children;

    /// <summary>Merges the spans of one trace (<see cref="Trace.Merge"/>) and builds its tree.</summary>
    public static SpanNode Build(IReadOnlyList<Span> spans) => new SpanTreeBuilder().Build(spans);

    /// <summary>Breadth-first; a synthetic root is not visited, its children are.</summary>
    public IEnumerable<SpanNode> Traverse()
    {
        var queue = new Queue<SpanNode>();
        if (Span is null)
        {
            foreach (var child in _children) queue.Enqueue(child);
        }
        else
        {
            queue.Enqueue(this);
        }
        while (queue.TryDequeue(out var node))
        {
            yield return node;
            foreach (var child in node._children) queue.Enqueue(child);
        }
    }

    internal void AddChild(SpanNode child)
    {
        if (ReferenceEquals(child, this)) throw new InvalidOperationException($"circular dependency on span {Span?.Id}");
        _children.Add(child);
        child.Parent = this;
    }

    /// <summary>Sorts every node's children, breadth-first: a loop, as a deep trace must not overflow the stack.</summary>
    internal void SortChildrenByTimestamp()
    {
        var queue = new Queue<SpanNode>([this]);
        while (queue.TryDequeue(out var node))
        {
            if (node._children.Count > 1)
            {
                var sorted = node._children.OrderBy(c => c.Span?.Timestamp ?? 0).ToList();
                node._children.Clear();
                node._children.AddRange(sorted);
            }
            foreach (var child in node._children) queue.Enqueue(child);
        }
    }
}

namespace Tracery.Storage.Traces;

using Tracery.Tracing.Model;

/// <summary>
/// Zipkin's <c>SpanNode.Builder</c> (§2.3). Spans are keyed by id, except shared (server) spans,
/// which are keyed by (id, local endpoint): one client id may be answered by several servers, and
/// only the endpoint tells them apart. A shared span's parent is the client with its id.
/// </summary>
sealed class SpanTreeBuilder
{
    readonly Dictionary<object, SpanNode> _keyToNode = [];
    // Insertion-ordered so that siblings keep the order the spans were merged in.
    readonly List<object> _order = [];
    readonly Dictionary<object, object?> _spanToParent = [];
    SpanNode? _root;

    public SpanNode Build(IReadOnlyList<Span> spans)
    {
        if (spans.Count == 0) throw new ArgumentException("spans were empty", nameof(spans));
        var cleaned = Trace.Merge(spans);
        foreach (var span in cleaned) Index(span);
        foreach (var span in cleaned) Process(span);

        _root ??= new SpanNode(null);
        foreach (var key in _order)
        {
            // Removing as we go: a key re-added after the root claimed it is attached once only.
            if (!_spanToParent.Remove(key, out var parentKey) || !_keyToNode.TryGetValue(key, out var child)) continue;
            var parent = parentKey is not null && _keyToNode.TryGetValue(parentKey, out var p) ? p : null;
            // Headless or depth-first reporting, or a span naming itself as parent: attach to the root.
            (parent is null || ReferenceEquals(parent, child) ? _root : parent).AddChild(child);
        }
        _root.SortChildrenByTimestamp();
        return _root;
    }

    void Index(Span span)
    {
        if (span.Shared)
        {
            Put(new SharedKey(span.Id, span.LocalEndpoint), span.Id);
        }
        else
        {
            Put(span.Id, span.ParentId);
        }
    }

    void Put(object key, object? parentKey)
    {
        if (!_spanToParent.ContainsKey(key)) _order.Add(key);
        _spanToParent[key] = parentKey;
    }

    void Process(Span span)
    {
        object key = span.Shared ? new SharedKey(span.Id, span.LocalEndpoint) : span.Id;
        object noEndpointKey = span.LocalEndpoint is not null && span.Shared ? new SharedKey(span.Id, null) : key;

        object? parent = null;
        if (span.Shared)
        {
            parent = span.Id;
        }
        else if (span.ParentId is not null)
        {
            // Most specific first: a local span under a shared server span on the same endpoint.
            var sharedParent = new SharedKey(span.ParentId, span.LocalEndpoint);
            if (_spanToParent.ContainsKey(sharedParent))
            {
                Put(noEndpointKey, sharedParent);
                parent = sharedParent;
            }
            else
            {
                parent = span.ParentId;
            }
        }

        var node = new SpanNode(span);
        if (parent is null && _root is null)
        {
            // The first span without a parent is taken as the real root.
            _root = node;
            _spanToParent.Remove(noEndpointKey);
        }
        else if (span.Shared)
        {
            _keyToNode[key] = node;
            _keyToNode[noEndpointKey] = node;
        }
        else
        {
            _keyToNode[noEndpointKey] = node;
        }
    }

    sealed record SharedKey(string Id, Endpoint? Endpoint);
}

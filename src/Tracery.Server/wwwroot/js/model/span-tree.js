// Builds the span tree as Zipkin's SpanNode.Builder does (zipkin.md §2.3): a shared SERVER span hangs under
// the CLIENT span of the same id; a span whose parent has a shared half hangs under the half running in its
// own service; orphans hang under the root, or under a synthetic root when there is no single root.

export class SpanNode {
  constructor(span) {
    this.span = span; // null for a synthetic root
    this.parent = null;
    this.children = [];
  }

  addChild(node) {
    node.parent = this;
    this.children.push(node);
  }

  /** Depth-first, children in timestamp order, calling fn(node, depth). */
  walk(fn, depth = 0) {
    // Two parallel stacks rather than a [node, depth] pair per node: large traces allocate less.
    const nodes = [this];
    const depths = [depth];
    while (nodes.length) {
      const node = nodes.pop();
      const d = depths.pop();
      fn(node, d);
      for (let i = node.children.length - 1; i >= 0; i--) {
        nodes.push(node.children[i]);
        depths.push(d + 1);
      }
    }
  }

}

function sameHost(a, b) {
  if (!a || !b) return false;
  if (a.serviceName && b.serviceName) return a.serviceName === b.serviceName;
  return (a.ipv4 && a.ipv4 === b.ipv4) || (a.ipv6 && a.ipv6 === b.ipv6);
}

function byTimestamp(a, b) {
  return (a.span?.timestamp || Infinity) - (b.span?.timestamp || Infinity);
}

/** The tree of merged spans (see span-cleaner.js mergeById). */
export function buildTree(spans) {
  const nodes = spans.map((s) => new SpanNode(s));
  const byId = new Map();
  for (const n of nodes) {
    const list = byId.get(n.span.id);
    if (list) list.push(n); else byId.set(n.span.id, [n]);
  }
  const parentOf = (n) => {
    const s = n.span;
    if (s.shared) {
      const client = (byId.get(s.id) || []).find((m) => m !== n && !m.span.shared);
      if (client) return client;
    }
    if (!s.parentId) return null;
    const candidates = byId.get(s.parentId);
    if (!candidates) return undefined; // parent missing from the trace
    return candidates.find((m) => m.span.shared && sameHost(m.span.localEndpoint, s.localEndpoint))
      || candidates.find((m) => !m.span.shared) || candidates[0];
  };
  const roots = [];
  const orphans = [];
  for (const n of nodes) {
    const p = parentOf(n);
    if (p) p.addChild(n);
    else if (p === null) roots.push(n);
    else orphans.push(n);
  }
  let root;
  if (roots.length === 1) {
    root = roots[0];
    for (const o of orphans) root.addChild(o);
  } else {
    root = new SpanNode(null);
    for (const n of [...roots, ...orphans]) root.addChild(n);
  }
  root.walk((n) => n.children.sort(byTimestamp));
  return root;
}

// Turns the raw spans of one trace into what the pages show: merged spans, the skew-corrected tree, and
// rows in depth-first order where a CLIENT span and the SERVER span of the same call share one row.
import { mergeById } from './span-cleaner.js';
import { buildTree } from './span-tree.js';
import { correctClockSkew } from './clock-skew.js';

export function errorLevel(span) {
  if (!span) return '';
  if (span.tags && span.tags.error !== undefined) return 'critical';
  if (span.annotations && span.annotations.some((a) => a.value === 'error')) return 'transient';
  return '';
}

function worse(a, b) {
  return a === 'critical' || b === 'critical' ? 'critical' : a || b;
}

export function serviceOf(span) {
  return span?.localEndpoint?.serviceName || span?.remoteEndpoint?.serviceName || 'unknown';
}

function sharedServerChild(node) {
  if (node.span?.kind !== 'CLIENT') return null;
  return node.children.find((c) => c.span?.shared && c.span.id === node.span.id) || null;
}

function byTimestamp(a, b) {
  return (a.span?.timestamp || Infinity) - (b.span?.timestamp || Infinity);
}

function buildRows(root) {
  const rows = [];
  const visit = (node, depth, parentIndex) => {
    if (!node.span) {
      for (const c of node.children) visit(c, depth, parentIndex);
      return;
    }
    const serverNode = sharedServerChild(node);
    const children = serverNode
      ? [...node.children.filter((c) => c !== serverNode), ...serverNode.children].sort(byTimestamp)
      : node.children;
    const row = { index: rows.length, depth, parentIndex, span: node.span, server: serverNode?.span || null, childCount: children.length };
    rows.push(row);
    for (const c of children) visit(c, depth + 1, row.index);
    row.end = rows.length; // rows [index+1, end) are this row's subtree
  };
  // Iterative would be needed only for trees thousands deep; real traces are far shallower.
  visit(root, 0, -1);
  return rows;
}

/** The model of one trace from its raw v2 spans. */
export function traceModel(rawSpans) {
  const spans = mergeById(rawSpans);
  if (!spans.length) throw new Error('the trace has no spans');
  const root = correctClockSkew(buildTree(spans));
  root.walk((n) => n.children.sort(byTimestamp));
  const rows = buildRows(root);
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    if (!s.timestamp) continue;
    start = Math.min(start, s.timestamp);
    end = Math.max(end, s.timestamp + (s.duration || 0));
  }
  if (start === Infinity) { start = 0; end = 0; }
  const services = new Map();
  let error = '';
  for (const s of spans) {
    const name = serviceOf(s);
    services.set(name, (services.get(name) || 0) + 1);
    error = worse(error, errorLevel(s));
  }
  for (const r of rows) {
    r.error = worse(errorLevel(r.span), errorLevel(r.server));
    r.service = serviceOf(r.span);
    r.serverService = r.server ? serviceOf(r.server) : null;
    r.name = r.span.name || r.server?.name || '';
    r.timestamp = r.span.timestamp || r.server?.timestamp || 0;
    r.duration = r.span.duration || r.server?.duration || 0;
  }
  const top = root.span ? root.span : root.children[0]?.span;
  return {
    traceId: spans[0].traceId,
    raw: rawSpans,
    spans,
    root,
    rows,
    start,
    end,
    duration: Math.max(0, end - start),
    services,
    spanCount: spans.length,
    rootService: serviceOf(top),
    rootName: top?.name || '',
    error,
  };
}

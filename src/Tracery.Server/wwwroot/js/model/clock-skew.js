// Clock-skew correction as Zipkin Lens's clock-skew.js (zipkin.md §2.3): only CLIENT -> SERVER pairs on
// different hosts whose server side appears to start no later than its client are corrected, and the skew is
// removed from every descendant running on the server's host.

function ipsMatch(a, b) {
  if (!a || !b) return false;
  if (a.ipv6 && b.ipv6 && a.ipv6 === b.ipv6) return true;
  if (!a.ipv4 && !b.ipv4) return true;
  return a.ipv4 === b.ipv4;
}

/** Microseconds to subtract from the server's clock, or undefined when there is nothing to correct. */
export function clockSkew(node) {
  const parent = node.parent?.span;
  const child = node.span;
  if (!parent || !child || parent.kind !== 'CLIENT' || child.kind !== 'SERVER') return undefined;
  if (ipsMatch(parent.localEndpoint, child.localEndpoint)) return undefined;
  const clientTs = parent.timestamp;
  const serverTs = child.timestamp;
  if (!clientTs || !serverTs || serverTs > clientTs) return undefined;
  const clientDur = parent.duration;
  const serverDur = child.duration;
  if (!clientDur || !serverDur || clientDur < serverDur) return serverTs - clientTs - 1;
  const latency = (clientDur - serverDur) / 2;
  return serverTs - latency - clientTs;
}

function shift(node, skew, endpoint) {
  node.walk((n) => {
    const s = n.span;
    if (!s || !ipsMatch(s.localEndpoint, endpoint)) return;
    if (s.timestamp) s.timestamp -= skew;
    for (const a of s.annotations) a.timestamp -= skew;
    s.skewCorrected = (s.skewCorrected || 0) + skew;
  });
}

/** Corrects the tree in place and returns it. */
export function correctClockSkew(root) {
  // A synthetic root with several children means the trace is headless: Zipkin leaves it alone.
  if (!root.span && root.children.length > 1) return root;
  const visit = (node) => {
    const skew = clockSkew(node);
    if (skew) shift(node, skew, node.span.localEndpoint);
    for (const c of node.children) visit(c);
  };
  visit(root);
  return root;
}

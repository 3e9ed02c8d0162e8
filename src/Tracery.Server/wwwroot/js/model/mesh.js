// The mesh view: for traces through Tracery or Linkerd-1 routers, how much of the time the mesh took.
// Each router emits a SERVER span (the request entering the router) and a CLIENT span per forwarding
// attempt (linkerd.md §3.4), so the router's own time is its SERVER span minus its CLIENT spans.

const ROUTER_SERVICE = /^(\d{1,3}\.){3}\d{1,3}\/\d+$|^\[[0-9a-f:]+\]\/\d+$/i;

function routerLabel(span) {
  const tag = span.tags?.['router.label'];
  if (tag) return String(tag);
  const first = (span.name || '').split(' ')[0];
  return first === 'incoming' || first === 'outgoing' ? first : '';
}

/** True for a SERVER span recorded by a router: it carries router.label or a Linkerd "ip/port" service name. */
export function isRouterServer(span) {
  if (!span || span.kind !== 'SERVER') return false;
  return span.tags?.['router.label'] !== undefined || ROUTER_SERVICE.test(span.localEndpoint?.serviceName || '');
}

function isIncoming(span) {
  return routerLabel(span) === 'incoming' || /\/4141$/.test(span.localEndpoint?.serviceName || '');
}

function isOutgoing(span) {
  return routerLabel(span) === 'outgoing' || /\/4140$/.test(span.localEndpoint?.serviceName || '');
}

/**
 * Hops and totals (all in microseconds). A client span "leads to the app" when its router is an incoming
 * router, or when nothing below it is another router's incoming side; otherwise the gap between it and the
 * next router is network time between nodes.
 */
export function meshBreakdown(model) {
  const hops = [];
  model.root.walk((node) => {
    const s = node.span;
    if (!isRouterServer(s)) return;
    const clients = node.children.filter((c) => c.span?.kind === 'CLIENT');
    const clientTime = clients.reduce((sum, c) => sum + (c.span.duration || 0), 0);
    const mesh = Math.max(0, (s.duration || 0) - clientTime);
    let app = 0;
    let network = 0;
    for (const c of clients) {
      const routersBelow = c.children.filter((n) => isRouterServer(n.span));
      const below = routersBelow.reduce((sum, n) => sum + (n.span.duration || 0), 0);
      const toApp = isIncoming(s) || !routersBelow.some((n) => !isOutgoing(n.span));
      const rest = Math.max(0, (c.span.duration || 0) - below);
      if (toApp) app += rest; else network += rest;
    }
    hops.push({ server: s, clients: clients.map((c) => c.span), label: routerLabel(s), mesh, app, network });
  });
  const total = model.duration;
  const mesh = hops.reduce((sum, h) => sum + h.mesh, 0);
  const network = hops.reduce((sum, h) => sum + h.network, 0);
  const app = hops.reduce((sum, h) => sum + h.app, 0);
  return { hops, total, mesh, network, app };
}

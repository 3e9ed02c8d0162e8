// The mesh view: per router hop, the router's own time (SERVER minus CLIENT spans), and the time spent in
// the app or on the network beyond it; totalled for the trace.
import { esc, duration, millis } from '../format.js';

export function meshSummaryText(b) {
  return `mesh: ${millis(b.mesh)} of ${millis(b.total)}`;
}

export function meshViewHtml(b) {
  const pct = (v) => (b.total ? ((v / b.total) * 100).toFixed(1) : '0');
  const rows = b.hops.map((h) => `<tr>
    <td>${esc(h.server.localEndpoint?.serviceName || '')}</td>
    <td>${esc(h.server.name || '')}</td>
    <td class="num">${esc(duration(h.server.duration))}</td>
    <td class="num">${esc(h.clients.map((c) => duration(c.duration)).join(' + ') || '—')}</td>
    <td class="num mesh">${esc(duration(h.mesh))}</td>
    <td class="num">${h.app ? esc(duration(h.app)) : '—'}</td>
    <td class="num">${h.network ? esc(duration(h.network)) : '—'}</td></tr>`).join('');
  return `<section class="mesh-view" aria-labelledby="mesh-title">
  <h2 id="mesh-title" class="mesh-total">${esc(meshSummaryText(b))}</h2>
  <div class="stack" role="img" aria-label="Mesh ${pct(b.mesh)}%, network ${pct(b.network)}%, app ${pct(b.app)}%">
    <span class="mesh" style="width:${pct(b.mesh)}%"></span><span class="network" style="width:${pct(b.network)}%"></span><span class="app" style="width:${pct(b.app)}%"></span>
  </div>
  <p class="legend"><span class="key mesh"></span>mesh ${esc(millis(b.mesh))} <span class="key network"></span>network between routers ${esc(millis(b.network))} <span class="key app"></span>apps ${esc(millis(b.app))}</p>
  <div class="scroll"><table class="hops"><caption>Router hops</caption>
    <thead><tr><th scope="col">Router</th><th scope="col">Server span</th><th scope="col">Server</th><th scope="col">Client</th><th scope="col">In mesh</th><th scope="col">In app</th><th scope="col">Network</th></tr></thead>
    <tbody>${rows}</tbody></table></div>
  <p class="muted">A router's time in the mesh is its SERVER span minus its CLIENT spans. A CLIENT span that leads to an app counts as app time, less the app's own calls through the mesh; one that leads to another router counts as network time.</p>
</section>`;
}

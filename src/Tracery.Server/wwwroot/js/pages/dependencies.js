// The dependencies page: an SVG service graph of /api/v2/dependencies over a chosen time range, laid out in
// columns by call depth, each edge labelled with its call and error counts; plus the same links as a table.
import { api } from '../api.js';
import { esc, localInput, serviceColor } from '../format.js';

const PRESETS = [['1h', 3600e3], ['1d', 86400e3], ['7d', 604800e3], ['30d', 2592000e3]];

/** Column of each service: the longest call path reaching it (cycles are cut at the first repeat). */
export function layers(links) {
  const names = [...new Set(links.flatMap((l) => [l.parent, l.child]))].sort();
  const layer = new Map(names.map((n) => [n, 0]));
  for (let pass = 0; pass < names.length; pass++) {
    let changed = false;
    for (const l of links) {
      if (l.parent === l.child) continue;
      const want = layer.get(l.parent) + 1;
      if (want > layer.get(l.child) && want < names.length) { layer.set(l.child, want); changed = true; }
    }
    if (!changed) break;
  }
  return { names, layer };
}

function graphSvg(links) {
  const { names, layer } = layers(links);
  const columns = new Map();
  for (const n of names) {
    const c = layer.get(n);
    if (!columns.has(c)) columns.set(c, []);
    columns.get(c).push(n);
  }
  // One pass of the barycenter heuristic: order each column by the mean position of its callers.
  const order = new Map();
  for (const c of [...columns.keys()].sort((a, b) => a - b)) {
    const list = columns.get(c);
    const weight = (n) => {
      const parents = links.filter((l) => l.child === n && order.has(l.parent)).map((l) => order.get(l.parent));
      return parents.length ? parents.reduce((a, b) => a + b, 0) / parents.length : Infinity;
    };
    const weights = new Map(list.map((n) => [n, weight(n)]));
    list.sort((a, b) => weights.get(a) - weights.get(b) || (a < b ? -1 : 1));
    list.forEach((n, i) => order.set(n, i));
  }
  const colW = 250;
  const rowH = 80;
  const nodeW = 170;
  const nodeH = 34;
  const pos = new Map();
  const tallest = Math.max(...[...columns.values()].map((c) => c.length));
  for (const [c, list] of columns) {
    const offset = ((tallest - list.length) * rowH) / 2;
    list.forEach((n, i) => pos.set(n, { x: 20 + c * colW, y: 30 + offset + i * rowH }));
  }
  const width = 40 + (Math.max(...columns.keys()) + 1) * colW - (colW - nodeW);
  const height = 40 + tallest * rowH;
  const maxCalls = Math.max(1, ...links.map((l) => l.callCount));
  const edges = links.map((l, i) => {
    const a = pos.get(l.parent);
    const b = pos.get(l.child);
    const x1 = a.x + nodeW;
    const y1 = a.y + nodeH / 2;
    const x2 = b.x;
    const y2 = b.y + nodeH / 2;
    const back = x2 <= a.x;
    const d = back
      ? `M${a.x + nodeW / 2},${a.y} C${a.x + nodeW / 2},${a.y - 60} ${b.x + nodeW / 2},${b.y - 60} ${b.x + nodeW / 2},${b.y}`
      : `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2 - 6},${y2}`;
    const mx = back ? (a.x + b.x + nodeW) / 2 : (x1 + x2) / 2;
    const my = back ? Math.min(a.y, b.y) - 48 : (y1 + y2) / 2 - 6;
    const w = (1 + 4 * Math.log1p(l.callCount) / Math.log1p(maxCalls)).toFixed(1);
    const errors = l.errorCount ? ` · ${l.errorCount} error${l.errorCount === 1 ? '' : 's'}` : '';
    return `<g class="edge${l.errorCount ? ' has-errors' : ''}" data-parent="${esc(l.parent)}" data-child="${esc(l.child)}" data-i="${i}">
  <path d="${d}" stroke-width="${w}" marker-end="url(#arrow)"/>
  <text x="${mx}" y="${my}" text-anchor="middle">${l.callCount} call${l.callCount === 1 ? '' : 's'}${errors}</text></g>`;
  }).join('');
  const nodes = names.map((n) => {
    const p = pos.get(n);
    return `<g class="node" data-name="${esc(n)}" tabindex="0" role="button" aria-label="${esc(n)}">
  <rect x="${p.x}" y="${p.y}" width="${nodeW}" height="${nodeH}" rx="6" style="--c:${serviceColor(n)}"/>
  <text x="${p.x + nodeW / 2}" y="${p.y + nodeH / 2 + 5}" text-anchor="middle">${esc(n.length > 24 ? n.slice(0, 23) + '…' : n)}</text><title>${esc(n)}</title></g>`;
  }).join('');
  return `<svg class="graph" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Service dependency graph">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
${edges}${nodes}</svg>`;
}

function linksTable(links) {
  return `<table class="links"><caption>Links</caption><thead><tr><th scope="col">Caller</th><th scope="col">Callee</th><th scope="col">Calls</th><th scope="col">Errors</th></tr></thead><tbody>`
    + links.map((l) => `<tr data-parent="${esc(l.parent)}" data-child="${esc(l.child)}"><td>${esc(l.parent)}</td><td>${esc(l.child)}</td><td class="num">${l.callCount}</td><td class="num${l.errorCount ? ' err' : ''}">${l.errorCount || 0}</td></tr>`).join('')
    + '</tbody></table>';
}

function nodeDetail(name, links) {
  const uses = links.filter((l) => l.parent === name);
  const usedBy = links.filter((l) => l.child === name);
  const list = (ls, key) => ls.length ? `<ul>${ls.map((l) => `<li>${esc(l[key])}: ${l.callCount} calls${l.errorCount ? `, <span class="err">${l.errorCount} errors</span>` : ''}</li>`).join('')}</ul>` : '<p class="muted">none</p>';
  return `<h2>${esc(name)}</h2><h3>Uses</h3>${list(uses, 'child')}<h3>Used by</h3>${list(usedBy, 'parent')}
  <p><a href="./?serviceName=${encodeURIComponent(name)}&lookback=1d" data-nav>Find its traces</a></p>`;
}

export async function renderDependencies(main, ctx) {
  const p = ctx.params;
  const now = Date.now();
  const end = Number(p.get('endTime')) || now;
  const start = Number(p.get('startTime')) || end - 86400e3;
  main.innerHTML = `<section class="deps-page"><h1>Dependencies</h1>
<form class="search deps-form" aria-label="Time range">
  <div class="field"><label for="d-start">From</label><input type="datetime-local" id="d-start" value="${localInput(start)}"></div>
  <div class="field"><label for="d-end">To</label><input type="datetime-local" id="d-end" value="${localInput(end)}"></div>
  <div class="field presets" role="group" aria-label="Last">${PRESETS.map(([k]) => `<button type="button" data-preset="${k}">last ${k}</button>`).join('')}</div>
  <div class="field actions"><button type="submit" class="primary">Show</button></div>
</form>
<p id="deps-status" role="status" aria-live="polite">Loading…</p>
<div class="deps-body"><div class="graph-wrap"></div><aside class="node-detail" hidden></aside></div>
<div class="links-wrap"></div></section>`;
  const go = (s, e) => ctx.navigate(`dependency?startTime=${Math.round(s)}&endTime=${Math.round(e)}`);
  const form = main.querySelector('form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const s = new Date(form.querySelector('#d-start').value).getTime();
    const en = new Date(form.querySelector('#d-end').value).getTime();
    if (!(en > s)) { ctx.toast('The range needs a start before its end'); return; }
    go(s, en);
  });
  form.addEventListener('click', (e) => {
    const k = e.target.dataset?.preset;
    if (k) go(Date.now() - PRESETS.find(([n]) => n === k)[1], Date.now());
  });
  const status = main.querySelector('#deps-status');
  let links;
  try {
    links = await api.dependencies(Math.round(end), Math.round(end - start));
  } catch (e) {
    status.textContent = 'Could not load dependencies: ' + e.message;
    status.className = 'error';
    return null;
  }
  if (!links.length) {
    status.textContent = 'No calls between services in this time range. Widen the range, or check that the traces have client and server spans.';
    return null;
  }
  const errors = links.reduce((n, l) => n + (l.errorCount || 0), 0);
  const calls = links.reduce((n, l) => n + l.callCount, 0);
  status.textContent = `${links.length} link${links.length === 1 ? '' : 's'}, ${calls} calls, ${errors} errors`;
  const wrap = main.querySelector('.graph-wrap');
  wrap.innerHTML = graphSvg(links);
  main.querySelector('.links-wrap').innerHTML = linksTable(links);
  const aside = main.querySelector('.node-detail');
  const select = (name) => {
    for (const g of wrap.querySelectorAll('.node')) g.classList.toggle('selected', g.dataset.name === name);
    for (const g of wrap.querySelectorAll('.edge')) g.classList.toggle('dim', g.dataset.parent !== name && g.dataset.child !== name);
    aside.innerHTML = nodeDetail(name, links);
    aside.hidden = false;
  };
  wrap.addEventListener('click', (e) => { const n = e.target.closest('.node'); if (n) select(n.dataset.name); });
  wrap.addEventListener('keydown', (e) => {
    const n = e.target.closest('.node');
    if (n && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(n.dataset.name); }
  });
  return null;
}

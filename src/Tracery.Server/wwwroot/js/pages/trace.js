// The trace page: header, mini-map, waterfall, span detail, find-in-trace, download, and the mesh view.
import { api } from '../api.js';
import { traceModel } from '../model/trace-model.js';
import { normalizeTraceId } from '../model/span-cleaner.js';
import { meshBreakdown } from '../model/mesh.js';
import { esc, duration, dateTime } from '../format.js';
import { Waterfall } from './waterfall.js';
import { spanDetailHtml } from './span-detail.js';
import { minimapHtml, attachMinimap, drawMinimap } from './minimap.js';
import { meshViewHtml, meshSummaryText } from './mesh-view.js';

function headerHtml(model, mesh, source) {
  const depth = model.rows.reduce((d, r) => Math.max(d, r.depth + 1), 0);
  return `<header class="trace-head">
  <h1><span class="svc-name">${esc(model.rootService)}</span>: ${esc(model.rootName)}${model.error ? ` <span class="badge ${model.error}">error</span>` : ''}</h1>
  <dl class="facts">
    <div><dt>Duration</dt><dd>${esc(duration(model.duration))}</dd></div>
    <div><dt>Services</dt><dd>${model.services.size}</dd></div>
    <div><dt>Spans</dt><dd id="span-count">${model.spanCount}</dd></div>
    <div><dt>Depth</dt><dd>${depth}</dd></div>
    <div><dt>Started</dt><dd>${esc(dateTime(model.start))}</dd></div>
    <div><dt>Trace ID</dt><dd class="mono">${esc(model.traceId)}</dd></div>
    ${mesh.hops.length ? `<div><dt>Time in mesh</dt><dd class="mesh-summary">${esc(meshSummaryText(mesh).replace(/^mesh: /, ''))}</dd></div>` : ''}
    ${source ? `<div><dt>From file</dt><dd>${esc(source)} (not stored)</dd></div>` : ''}
  </dl>
</header>`;
}

function toolbarHtml(mesh, big) {
  return `<div class="toolbar" role="toolbar" aria-label="Trace tools">
  <div class="tabs" role="tablist">
    <button role="tab" id="tab-timeline" aria-selected="true" aria-controls="panel-timeline">Timeline</button>
    ${mesh.hops.length ? '<button role="tab" id="tab-mesh" aria-selected="false" aria-controls="panel-mesh">Mesh</button>' : ''}
  </div>
  <button data-act="expand">Expand all</button>
  <button data-act="collapse">Collapse all</button>
  ${big ? '<button data-act="minimap" aria-pressed="true">Mini-map</button>' : ''}
  <button data-act="reset-zoom" hidden>Reset zoom</button>
  <button data-act="download">Download JSON</button>
  <form class="find" role="search"><label class="sr" for="find-input">Find in trace</label>
    <input id="find-input" type="search" placeholder="Find in trace (service, name, tag, id)" autocomplete="off" spellcheck="false">
    <output id="find-count" aria-live="polite"></output></form>
</div>`;
}

function rowText(r) {
  const parts = [r.service, r.serverService, r.name];
  for (const s of [r.span, r.server]) {
    if (!s) continue;
    parts.push(s.id, s.parentId, s.remoteEndpoint?.serviceName);
    for (const [k, v] of Object.entries(s.tags)) parts.push(k, v);
    for (const a of s.annotations) parts.push(a.value);
  }
  return parts.filter(Boolean).join('\u0000').toLowerCase();
}

function download(model) {
  const blob = new Blob([JSON.stringify(model.raw, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${model.traceId}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** Renders the trace from raw spans; measures the first render of the rows (window.__traceryRender). */
export function showTrace(main, ctx, rawSpans, source) {
  const t0 = performance.now();
  const model = traceModel(rawSpans);
  const mesh = meshBreakdown(model);
  const tModel = performance.now();
  const big = model.rows.length > 20;
  main.innerHTML = `<section class="trace-page">${headerHtml(model, mesh, source)}${toolbarHtml(mesh, big)}
  <div id="panel-timeline" role="tabpanel" aria-labelledby="tab-timeline">
    ${big ? `<div class="minimap" tabindex="0" role="slider" aria-label="Zoom: drag or use arrow keys; Escape resets" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0">${minimapHtml()}</div>` : ''}
    <div class="trace-body"><div class="waterfall"></div>
    <aside class="detail" id="detail" aria-labelledby="detail-title" hidden></aside></div>
  </div>
  ${mesh.hops.length ? `<div id="panel-mesh" role="tabpanel" aria-labelledby="tab-mesh" hidden>${meshViewHtml(mesh)}</div>` : ''}
</section>`;
  const detail = main.querySelector('#detail');
  const waterfall = new Waterfall(main.querySelector('.waterfall'), model, (row) => {
    detail.innerHTML = spanDetailHtml(row, model);
    detail.hidden = false;
    main.querySelector('.trace-body').classList.add('with-detail');
  });
  const tDom = performance.now();
  const minimapEl = main.querySelector('.minimap');
  if (minimapEl) drawMinimap(minimapEl, model); // reads the canvas size, so this includes the first layout
  void main.querySelector('.rows').offsetHeight; // include the first layout in the measurement
  const tLayout = performance.now();
  const renderMs = tLayout - t0;
  window.__traceryRender = {
    traceId: model.traceId, rows: model.rows.length, spans: model.spanCount, ms: renderMs,
    modelMs: tModel - t0, domMs: tDom - tModel, layoutMs: tLayout - tDom,
  };
  main.querySelector('.trace-page').dataset.renderMs = renderMs.toFixed(1);

  const closeDetail = () => {
    detail.hidden = true;
    main.querySelector('.trace-body').classList.remove('with-detail');
    waterfall.rowEls[waterfall.focusIndex]?.focus();
  };
  detail.addEventListener('click', (e) => { if (e.target.closest('[data-close]')) closeDetail(); });
  detail.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeDetail(); });

  const resetZoom = main.querySelector('[data-act="reset-zoom"]');
  const minimap = minimapEl && attachMinimap(minimapEl, (z0, zw) => {
    waterfall.zoom(z0, zw);
    resetZoom.hidden = zw >= 0.999;
    minimapEl.setAttribute('aria-valuenow', String(Math.round(z0 * 100)));
  });
  main.querySelector('.toolbar').addEventListener('click', (e) => {
    const act = e.target.closest('[data-act]')?.dataset.act;
    if (act === 'expand') waterfall.setAll(false);
    if (act === 'collapse') waterfall.setAll(true);
    if (act === 'download') download(model);
    if (act === 'reset-zoom') minimap?.reset();
    if (act === 'minimap') {
      const on = e.target.getAttribute('aria-pressed') !== 'true';
      e.target.setAttribute('aria-pressed', String(on));
      minimapEl.hidden = !on;
    }
    const tab = e.target.closest('[role="tab"]');
    if (tab) {
      for (const t of main.querySelectorAll('[role="tab"]')) {
        const on = t === tab;
        t.setAttribute('aria-selected', String(on));
        main.querySelector('#' + t.getAttribute('aria-controls')).hidden = !on;
      }
    }
  });

  const findInput = main.querySelector('#find-input');
  const findCount = main.querySelector('#find-count');
  const texts = [];
  let matches = [];
  let current = -1;
  const find = () => {
    const q = findInput.value.trim().toLowerCase();
    matches = [];
    current = -1;
    model.rows.forEach((r, i) => {
      if (q) { texts[i] ||= rowText(r); if (texts[i].includes(q)) matches.push(i); }
      waterfall.rowEls[i].classList.toggle('match', !!q && matches[matches.length - 1] === i);
    });
    for (const i of matches) waterfall.reveal(i);
    findCount.textContent = q ? `${matches.length} match${matches.length === 1 ? '' : 'es'}` : '';
  };
  let timer;
  findInput.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(find, 120); });
  main.querySelector('.find').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    if (current === -1) find();
    if (!matches.length) return;
    current = (current + 1) % matches.length;
    findCount.textContent = `${current + 1} of ${matches.length}`;
    waterfall.select(matches[current]);
    waterfall.rowEls[matches[current]].scrollIntoView({ block: 'center' });
  });
  return () => clearTimeout(timer);
}

export async function renderTrace(main, ctx, rawId) {
  const id = normalizeTraceId(rawId);
  main.innerHTML = `<p class="muted" role="status">Loading trace ${esc(id)}…</p>`;
  let spans;
  try {
    spans = await api.trace(id);
  } catch (e) {
    main.innerHTML = e.status === 404
      ? `<p class="error" role="alert">Trace ${esc(id)} was not found. It may be older than the store keeps, or not reported yet. <a href="./" data-nav>Search</a></p>`
      : `<p class="error" role="alert">Could not load trace ${esc(id)}: ${esc(e.message)}</p>`;
    return null;
  }
  document.title = `Trace ${id} · Tracery`;
  return showTrace(main, ctx, spans);
}

export function renderUploadedTrace(main, ctx, upload) {
  if (!upload) {
    main.innerHTML = '<p class="empty">No file opened. Use <b>Open JSON</b> above to view a trace from a file.</p>';
    return null;
  }
  document.title = `${upload.name} · Tracery`;
  return showTrace(main, ctx, upload.spans, upload.name);
}

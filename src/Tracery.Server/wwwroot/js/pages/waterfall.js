// The waterfall: one row per call, built as one HTML string in one pass (a 1041-span trace renders in
// one innerHTML assignment). Bars are placed by CSS from per-row fractions (--s start, --w width) and the
// container's zoom window (--z0, --zw), so zooming changes two variables instead of touching every row.
import { esc, duration, serviceColor } from '../format.js';

function rowHtml(r, model) {
  const span = model.duration || 1;
  const frac = (ts, dur) => `--s:${(((ts || model.start) - model.start) / span).toFixed(5)};--w:${((dur || 0) / span).toFixed(5)}`;
  const names = r.server && r.serverService !== r.service
    ? `<b style="--c:${serviceColor(r.service)}">${esc(r.service)}</b><i>→</i><b style="--c:${serviceColor(r.serverService)}">${esc(r.serverService)}</b>`
    : `<b style="--c:${serviceColor(r.service)}">${esc(r.service)}</b>`;
  const toggle = r.childCount ? '<button class="tog" tabindex="-1" aria-label="Collapse or expand" data-toggle></button>' : '<i class="tog"></i>';
  const serverBar = r.server && r.server.timestamp
    ? `<s class="bar server" style="${frac(r.server.timestamp, r.server.duration)};--c:${serviceColor(r.serverService)}"></s>` : '';
  const kind = r.server ? 'client+server' : (r.span.kind || '').toLowerCase();
  const ts = r.timestamp || model.start;
  return `<div class="row${r.error ? ' ' + r.error : ''}${r.server ? ' pair' : ''}" role="treeitem" aria-level="${r.depth + 1}"${r.childCount ? ' aria-expanded="true"' : ''} tabindex="-1" data-i="${r.index}" data-ts="${ts}" data-parent="${r.parentIndex}" style="--d:${r.depth}">`
    + `<span class="label" title="${esc(r.serverService && r.serverService !== r.service ? r.service + ' → ' + r.serverService : r.service)}: ${esc(r.name)}">${toggle}${names}<span class="nm" data-kind="${kind}">${esc(r.name)}</span></span>`
    + `<span class="tl"><s class="bar${r.server ? ' client' : ''}" style="${frac(r.timestamp, r.duration)};--c:${serviceColor(r.service)}"></s>${serverBar}</span>`
    + `<span class="d">${duration(r.duration)}</span></div>`;
}

export function rulerHtml(model, z0, zw) {
  const ticks = [];
  for (let i = 0; i <= 4; i++) {
    const at = (z0 + (zw * i) / 4) * model.duration;
    ticks.push(`<span class="tick" style="left:${i * 25}%">${esc(duration(at))}</span>`);
  }
  return ticks.join('');
}

export class Waterfall {
  constructor(container, model, onSelect) {
    this.model = model;
    this.onSelect = onSelect;
    this.collapsed = new Set();
    this.selected = -1;
    this.focusIndex = 0;
    container.innerHTML = `<div class="ruler" aria-hidden="true"><span class="label">Service and span</span><span class="tl ticks"></span><span class="d">Duration</span></div>`
      + `<div class="rows" role="tree" aria-label="Spans of the trace" style="--z0:0;--zw:1">${model.rows.map((r) => rowHtml(r, model)).join('')}</div>`;
    this.rowsEl = container.querySelector('.rows');
    this.ticksEl = container.querySelector('.ticks');
    this.rowEls = this.rowsEl.children;
    if (this.rowEls.length) this.rowEls[0].tabIndex = 0;
    this.zoom(0, 1);
    this.rowsEl.addEventListener('click', (e) => this.onClick(e));
    this.rowsEl.addEventListener('keydown', (e) => this.onKey(e));
  }

  zoom(z0, zw) {
    this.z = [z0, zw];
    this.rowsEl.style.setProperty('--z0', z0);
    this.rowsEl.style.setProperty('--zw', zw);
    this.ticksEl.innerHTML = rulerHtml(this.model, z0, zw);
  }

  onClick(e) {
    const row = e.target.closest('.row');
    if (!row) return;
    const i = Number(row.dataset.i);
    if (e.target.closest('[data-toggle]')) this.toggle(i);
    else this.select(i);
    this.focus(i);
  }

  onKey(e) {
    const i = this.focusIndex;
    const rows = this.model.rows;
    const visible = (j) => !this.rowEls[j].hidden;
    let next = -1;
    switch (e.key) {
      case 'ArrowDown': for (let j = i + 1; j < rows.length; j++) if (visible(j)) { next = j; break; } break;
      case 'ArrowUp': for (let j = i - 1; j >= 0; j--) if (visible(j)) { next = j; break; } break;
      case 'Home': next = 0; break;
      case 'End': for (let j = rows.length - 1; j >= 0; j--) if (visible(j)) { next = j; break; } break;
      case 'ArrowRight':
        if (this.collapsed.has(i)) this.toggle(i); else if (rows[i].childCount) next = i + 1;
        break;
      case 'ArrowLeft':
        if (rows[i].childCount && !this.collapsed.has(i)) this.toggle(i); else if (rows[i].parentIndex >= 0) next = rows[i].parentIndex;
        break;
      case 'Enter': case ' ': this.select(i); break;
      default: return;
    }
    e.preventDefault();
    if (next >= 0) this.focus(next);
  }

  focus(i) {
    const old = this.rowEls[this.focusIndex];
    if (old) old.tabIndex = -1;
    this.focusIndex = i;
    const el = this.rowEls[i];
    el.tabIndex = 0;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest' });
  }

  select(i) {
    if (this.selected >= 0) this.rowEls[this.selected].removeAttribute('aria-selected');
    this.selected = i;
    this.rowEls[i].setAttribute('aria-selected', 'true');
    this.onSelect(this.model.rows[i]);
  }

  toggle(i) {
    if (this.collapsed.has(i)) this.collapsed.delete(i); else this.collapsed.add(i);
    this.refresh();
  }

  setAll(collapse) {
    this.collapsed.clear();
    if (collapse) for (const r of this.model.rows) if (r.childCount && r.depth > 0) this.collapsed.add(r.index);
    this.refresh();
  }

  /** Expands every collapsed ancestor of row i. */
  reveal(i) {
    let changed = false;
    for (let p = this.model.rows[i].parentIndex; p >= 0; p = this.model.rows[p].parentIndex) {
      if (this.collapsed.delete(p)) changed = true;
    }
    if (changed) this.refresh();
  }

  refresh() {
    const rows = this.model.rows;
    let hideUntil = -1;
    for (let i = 0; i < rows.length; i++) {
      const el = this.rowEls[i];
      const hide = i < hideUntil;
      if (el.hidden !== hide) el.hidden = hide;
      if (!rows[i].childCount) continue;
      const collapsed = this.collapsed.has(i);
      const expanded = String(!collapsed);
      if (el.getAttribute('aria-expanded') !== expanded) el.setAttribute('aria-expanded', expanded);
      if (!hide && collapsed) hideUntil = rows[i].end;
    }
  }
}

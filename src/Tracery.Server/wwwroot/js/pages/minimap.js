// The mini-map: every row as a thin line across the whole trace; dragging across it zooms the waterfall to
// that time range, and the keyboard can do the same with the arrow keys.
import { serviceColor } from '../format.js';

export function minimapHtml() {
  return '<canvas aria-hidden="true"></canvas><div class="window"></div>';
}

/** Draws every row as a line on the canvas: one element however large the trace. */
export function drawMinimap(el, model) {
  const canvas = el.querySelector('canvas');
  const width = canvas.clientWidth || 1000;
  const height = canvas.clientHeight || 60;
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  const n = model.rows.length;
  const span = model.duration || 1;
  const step = height / Math.max(n, 1);
  model.rows.forEach((r, i) => {
    g.fillStyle = serviceColor(r.service);
    const x = (((r.timestamp || model.start) - model.start) / span) * width;
    g.fillRect(x, i * step, Math.max(1, ((r.duration || 0) / span) * width), Math.max(step, 1));
  });
}

export function attachMinimap(el, onZoom) {
  const win = el.querySelector('.window');
  let dragFrom = null;
  let range = [0, 1];
  const show = ([a, b]) => {
    range = [a, b];
    win.style.left = `${a * 100}%`;
    win.style.width = `${(b - a) * 100}%`;
  };
  const at = (e) => {
    const box = el.getBoundingClientRect();
    return Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
  };
  el.addEventListener('pointerdown', (e) => { dragFrom = at(e); el.setPointerCapture(e.pointerId); show([dragFrom, dragFrom]); });
  el.addEventListener('pointermove', (e) => { if (dragFrom !== null) { const x = at(e); show([Math.min(x, dragFrom), Math.max(x, dragFrom)]); } });
  el.addEventListener('pointerup', (e) => {
    if (dragFrom === null) return;
    const x = at(e);
    dragFrom = null;
    const [a, b] = range;
    if (b - a < 0.005 || Math.abs(x - a) < 0.002 && b - a < 0.005) show([0, 1]);
    onZoom(range[0], range[1] - range[0]);
  });
  el.addEventListener('keydown', (e) => {
    const [a, b] = range;
    const w = b - a;
    const moves = {
      ArrowLeft: [Math.max(0, a - w / 4), Math.max(0, a - w / 4) + w],
      ArrowRight: [Math.min(1 - w, a + w / 4), Math.min(1 - w, a + w / 4) + w],
      ArrowUp: [a + w / 4, b - w / 4],
      ArrowDown: [Math.max(0, a - w / 2), Math.min(1, b + w / 2)],
      Escape: [0, 1],
    };
    if (!moves[e.key]) return;
    e.preventDefault();
    show(moves[e.key]);
    onZoom(range[0], range[1] - range[0]);
  });
  show([0, 1]);
  return { reset: () => { show([0, 1]); onZoom(0, 1); } };
}

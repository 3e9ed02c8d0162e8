// Formatting of durations, times and HTML text.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Microseconds as "850μs", "12.3ms", "1.25s". */
export function duration(us) {
  if (us === undefined || us === null || Number.isNaN(us)) return '';
  const v = Math.round(us);
  if (Math.abs(v) < 1000) return `${v}μs`;
  if (Math.abs(v) < 1000000) return `${trim(v / 1000)}ms`;
  return `${trim(v / 1000000)}s`;
}

/** Microseconds as milliseconds with one decimal: "0.9 ms". */
export function millis(us) {
  return `${(us / 1000).toFixed(us < 100000 ? 1 : 0)} ms`;
}

function trim(n) {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2).replace(/\.?0+$/, '');
}

/** Epoch microseconds as a local date and time with milliseconds. */
export function dateTime(us) {
  if (!us) return '';
  const d = new Date(us / 1000);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Epoch milliseconds as the value of a datetime-local input. */
export function localInput(ms) {
  const d = new Date(ms);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "100ms", "2s", "500us" or a bare number of microseconds, as microseconds; NaN when unreadable. */
export function parseDuration(text) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|ms|us|μs)?\s*$/.exec(String(text || ''));
  if (!m) return NaN;
  const n = Number(m[1]);
  const unit = m[2] || 'us';
  return Math.round(unit === 's' ? n * 1e6 : unit === 'ms' ? n * 1e3 : n);
}

const colors = new Map();

/** A stable colour per service name. */
export function serviceColor(name) {
  let color = colors.get(name);
  if (color) return color;
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  // Scramble the hash so names that differ in one letter (servicea, serviceb) get far-apart hues.
  color = `hsl(${(Math.imul(h, 2654435761) >>> 0) % 360} 55% 42%)`;
  colors.set(name, color);
  return color;
}

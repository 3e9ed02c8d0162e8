// Cleans and merges raw span fragments the way Zipkin does (zipkin.md §2.3): the server may return each
// reported fragment, so the UI merges a span's client and server halves itself.

const ZERO16 = '0000000000000000';

/** Lower-hex id without a 16-zero prefix, left-padded to 16 or 32 characters. */
export function normalizeTraceId(id) {
  let v = String(id || '').trim().toLowerCase();
  if (v.length > 16 && v.length <= 32) v = v.padStart(32, '0');
  else if (v.length < 16) v = v.padStart(16, '0');
  if (v.length === 32 && v.startsWith(ZERO16)) v = v.slice(16);
  return v;
}

// Ordinal, not localeCompare: ids and annotation values are compared as code units, and the first
// localeCompare call builds an ICU collator, which costs more than the rest of a large trace's processing.
function ordinal(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function normalizeId(id) {
  return id ? String(id).toLowerCase().padStart(16, '0') : undefined;
}

function cleanEndpoint(ep) {
  if (!ep) return undefined;
  const out = {};
  if (ep.serviceName) out.serviceName = String(ep.serviceName).toLowerCase();
  if (ep.ipv4) out.ipv4 = ep.ipv4;
  if (ep.ipv6) out.ipv6 = ep.ipv6;
  if (ep.port) out.port = ep.port;
  return Object.keys(out).length ? out : undefined;
}

/** A copy of one v2 span with normalized ids, lower-case service names and sorted annotations. */
export function cleanSpan(raw) {
  const s = {
    traceId: normalizeTraceId(raw.traceId),
    id: normalizeId(raw.id),
    name: raw.name ? String(raw.name) : undefined,
  };
  const parentId = normalizeId(raw.parentId);
  if (parentId && parentId !== s.id) s.parentId = parentId;
  if (raw.kind) s.kind = String(raw.kind).toUpperCase();
  if (raw.timestamp > 0) s.timestamp = Number(raw.timestamp);
  if (raw.duration > 0) s.duration = Number(raw.duration);
  const local = cleanEndpoint(raw.localEndpoint);
  if (local) s.localEndpoint = local;
  const remote = cleanEndpoint(raw.remoteEndpoint);
  if (remote) s.remoteEndpoint = remote;
  s.annotations = (raw.annotations || [])
    .filter((a) => a && a.value != null)
    .map((a) => ({ timestamp: Number(a.timestamp), value: String(a.value) }))
    .sort((a, b) => a.timestamp - b.timestamp || ordinal(a.value, b.value));
  s.tags = { ...(raw.tags || {}) };
  if (raw.debug) s.debug = true;
  if (raw.shared) s.shared = true;
  return s;
}

function endpointsCompatible(a, b) {
  if (!a || !b) return true;
  for (const k of ['serviceName', 'ipv4', 'ipv6', 'port']) {
    if (a[k] !== undefined && b[k] !== undefined && a[k] !== b[k]) return false;
  }
  return true;
}

function mergeInto(target, s) {
  for (const k of ['name', 'kind', 'timestamp', 'duration', 'parentId', 'localEndpoint', 'remoteEndpoint']) {
    if (target[k] === undefined && s[k] !== undefined) target[k] = s[k];
  }
  // Zipkin's JSON names are often "unknown" on one half; prefer a real name.
  if ((target.name === undefined || target.name === '' || target.name === 'unknown') && s.name) target.name = s.name;
  if (s.localEndpoint && target.localEndpoint) target.localEndpoint = { ...s.localEndpoint, ...target.localEndpoint };
  if (s.shared) target.shared = true;
  if (s.debug) target.debug = true;
  const seen = new Set(target.annotations.map((a) => a.timestamp + '\u0000' + a.value));
  for (const a of s.annotations) {
    if (!seen.has(a.timestamp + '\u0000' + a.value)) target.annotations.push(a);
  }
  target.annotations.sort((a, b) => a.timestamp - b.timestamp);
  Object.assign(target.tags, s.tags);
  return target;
}

/**
 * Merges fragments that share an id, keeping a call's CLIENT and shared SERVER halves apart (they are two
 * spans with one id), rewrites every span to the longest trace id and sorts by timestamp.
 */
export function mergeById(rawSpans) {
  const spans = rawSpans.map(cleanSpan);
  const longestTraceId = spans.reduce((best, s) => (s.traceId.length > best.length ? s.traceId : best), '');
  const byId = new Map();
  for (const s of spans) {
    s.traceId = longestTraceId;
    const group = byId.get(s.id);
    if (group) group.push(s); else byId.set(s.id, [s]);
  }
  const out = [];
  for (const group of byId.values()) {
    const hasClient = group.some((s) => s.kind === 'CLIENT');
    const merged = [];
    for (const s of group) {
      // A SERVER half next to a CLIENT half of the same id is the shared server side (Trace.merge backfills it).
      const shared = s.shared || (hasClient && s.kind === 'SERVER');
      if (shared) s.shared = true;
      const match = merged.find((m) => !!m.shared === !!shared && endpointsCompatible(m.localEndpoint, s.localEndpoint)
        && (!m.kind || !s.kind || m.kind === s.kind));
      if (match) mergeInto(match, s); else merged.push(s);
    }
    out.push(...merged);
  }
  return out.sort((a, b) => (a.timestamp || Infinity) - (b.timestamp || Infinity) || ordinal(a.id, b.id));
}

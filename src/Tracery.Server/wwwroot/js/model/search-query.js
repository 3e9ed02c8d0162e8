// The search form's values as a query of /api/v2/traces (zipkin.md §1.2), and the order of results.
import { parseDuration } from '../format.js';

export const LOOKBACKS = [
  ['1m', 60e3], ['5m', 300e3], ['15m', 900e3], ['30m', 1800e3], ['1h', 3600e3], ['2h', 7200e3], ['3h', 10800e3],
  ['6h', 21600e3], ['12h', 43200e3], ['1d', 86400e3], ['2d', 172800e3], ['7d', 604800e3], ['30d', 2592000e3],
];

export function lookbackLabel(ms) {
  const found = LOOKBACKS.find(([, v]) => v === ms);
  return found ? found[0] : null;
}

/** The API query for the form values; throws with a message naming the bad field. */
export function toApiQuery(v, now = Date.now()) {
  const q = {};
  for (const k of ['serviceName', 'remoteServiceName', 'spanName', 'annotationQuery']) if (v[k]) q[k] = v[k].trim();
  for (const k of ['minDuration', 'maxDuration']) {
    if (!v[k]) continue;
    const us = parseDuration(v[k]);
    if (!(us > 0)) throw new Error(`${k === 'minDuration' ? 'Min' : 'Max'} duration "${v[k]}" is not a duration like 100ms, 2s or 500us`);
    q[k] = us;
  }
  if (q.maxDuration && !q.minDuration) throw new Error('Max duration needs a min duration too');
  if (q.maxDuration && q.maxDuration < q.minDuration) throw new Error('Max duration is below min duration');
  let endTs = Number(v.endTs) || now;
  let lookback;
  if (v.lookback === 'custom') {
    const start = Number(v.startTs);
    if (!(start > 0) || !(endTs > start)) throw new Error('The custom range needs a start before its end');
    lookback = endTs - start;
  } else {
    lookback = LOOKBACKS.find(([k]) => k === v.lookback)?.[1] ?? Number(v.lookback);
    if (!(lookback > 0)) throw new Error(`Lookback "${v.lookback}" is not one of ${LOOKBACKS.map(([k]) => k).join(', ')}, custom or milliseconds`);
    if (!v.endTs) endTs = now;
  }
  q.endTs = Math.round(endTs);
  q.lookback = Math.round(lookback);
  const limit = Number(v.limit);
  if (!(limit > 0 && Number.isInteger(limit))) throw new Error(`Limit "${v.limit}" must be a whole number above 0`);
  q.limit = limit;
  return q;
}

export function sortSummaries(list, sort) {
  const by = {
    newest: (a, b) => b.start - a.start,
    oldest: (a, b) => a.start - b.start,
    longest: (a, b) => b.duration - a.duration,
    shortest: (a, b) => a.duration - b.duration,
  }[sort] || ((a, b) => b.start - a.start);
  return [...list].sort(by);
}

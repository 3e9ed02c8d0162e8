// The span detail panel: for a row's span (and the server half of the same call), its ids, endpoints,
// annotations at times relative to the trace and to the span, tags and the raw JSON as reported.
import { esc, duration, dateTime } from '../format.js';

function endpoint(ep) {
  if (!ep) return '';
  const host = ep.ipv6 ? `[${ep.ipv6}]` : ep.ipv4 || '';
  return [ep.serviceName, host + (ep.port ? ':' + ep.port : '')].filter(Boolean).join(' @ ');
}

function table(rows, caption) {
  const body = rows.filter(([, v]) => v !== undefined && v !== '' && v !== null)
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  return body ? `<table class="kv"><caption>${esc(caption)}</caption>${body}</table>` : '';
}

function spanSection(span, model) {
  const rel = (ts) => duration(ts - model.start);
  const annotations = span.annotations.length
    ? `<table class="annotations"><caption>Annotations</caption><thead><tr><th scope="col">Trace time</th><th scope="col">Span time</th><th scope="col">Value</th></tr></thead><tbody>`
      + span.annotations.map((a) => `<tr><td>${esc(rel(a.timestamp))}</td><td>${esc(duration(a.timestamp - (span.timestamp || a.timestamp)))}</td><td>${esc(a.value)}</td></tr>`).join('')
      + '</tbody></table>'
    : '';
  const tagKeys = Object.keys(span.tags).sort();
  const tags = tagKeys.length
    ? `<table class="kv tags"><caption>Tags</caption>${tagKeys.map((k) => `<tr><th scope="row">${esc(k)}</th><td>${esc(span.tags[k])}</td></tr>`).join('')}</table>`
    : '<p class="muted">No tags.</p>';
  return `<section class="span-section">
  <h3>${esc(span.localEndpoint?.serviceName || 'unknown')} <small>${esc(span.kind || 'LOCAL')}</small></h3>
  ${table([
    ['Name', span.name],
    ['Start', span.timestamp ? `${dateTime(span.timestamp)} (+${rel(span.timestamp)})` : 'unknown'],
    ['Duration', duration(span.duration)],
    ['Span ID', span.id],
    ['Parent ID', span.parentId],
    ['Trace ID', span.traceId],
    ['Local endpoint', endpoint(span.localEndpoint)],
    ['Remote endpoint', endpoint(span.remoteEndpoint)],
    ['Shared', span.shared ? 'yes (server half of the client\'s span)' : undefined],
    ['Clock skew corrected', span.skewCorrected ? `${duration(-span.skewCorrected)} added` : undefined],
  ], 'Span')}
  ${annotations}
  ${tags}
</section>`;
}

export function spanDetailHtml(row, model) {
  const spans = [row.span, row.server].filter(Boolean);
  const ids = new Set(spans.map((s) => s.id));
  const raw = model.raw.filter((s) => ids.has(String(s.id).toLowerCase().padStart(16, '0')));
  return `<header class="detail-head"><h2 id="detail-title">${esc(row.service)}${row.server && row.serverService !== row.service ? ' → ' + esc(row.serverService) : ''}: ${esc(row.name)}</h2>
  <button class="close" data-close aria-label="Close span details">×</button></header>
  ${spans.map((s) => spanSection(s, model)).join('')}
  <details class="raw"><summary>Raw JSON (${raw.length} fragment${raw.length === 1 ? '' : 's'})</summary><pre>${esc(JSON.stringify(raw, null, 2))}</pre></details>`;
}

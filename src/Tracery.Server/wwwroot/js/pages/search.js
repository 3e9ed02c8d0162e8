// The search page: Zipkin's Discover page. The address holds the query, so a search can be shared and the
// tutorial's "/?serviceName=0.0.0.0%2F4140" opens its results.
import { api } from '../api.js';
import { traceModel } from '../model/trace-model.js';
import { esc, duration, dateTime, serviceColor, localInput } from '../format.js';
import { LOOKBACKS, lookbackLabel, toApiQuery, sortSummaries } from '../model/search-query.js';

const SORTS = [['newest', 'Newest first'], ['oldest', 'Oldest first'], ['longest', 'Longest first'], ['shortest', 'Shortest first']];
const FIELDS = ['serviceName', 'remoteServiceName', 'spanName', 'annotationQuery', 'minDuration', 'maxDuration', 'lookback', 'startTs', 'endTs', 'limit', 'sort'];

function formHtml(v) {
  const lookbacks = LOOKBACKS.map(([k]) => `<option value="${k}" ${v.lookback === k ? 'selected' : ''}>last ${k}</option>`).join('');
  const custom = !LOOKBACKS.some(([k]) => k === v.lookback);
  return `
<form class="search" id="search-form" aria-label="Search traces">
  <div class="field"><label for="f-service">Service</label>
    <select id="f-service" name="serviceName"><option value="">any</option></select></div>
  <div class="field"><label for="f-remote">Remote service</label>
    <select id="f-remote" name="remoteServiceName"><option value="">any</option></select></div>
  <div class="field"><label for="f-span">Span name</label>
    <select id="f-span" name="spanName"><option value="">any</option></select></div>
  <div class="field wide"><label for="f-tags">Tags <small>(e.g. <code>error</code> or <code>http.method=GET and error</code>)</small></label>
    <input id="f-tags" name="annotationQuery" value="${esc(v.annotationQuery)}" list="f-tag-keys" autocomplete="off" spellcheck="false">
    <datalist id="f-tag-keys"></datalist></div>
  <div class="field narrow"><label for="f-min">Min duration</label>
    <input id="f-min" name="minDuration" value="${esc(v.minDuration)}" placeholder="e.g. 10ms"></div>
  <div class="field narrow"><label for="f-max">Max duration</label>
    <input id="f-max" name="maxDuration" value="${esc(v.maxDuration)}" placeholder="e.g. 2s"></div>
  <div class="field"><label for="f-lookback">Time</label>
    <select id="f-lookback" name="lookback">${lookbacks}<option value="custom" ${custom ? 'selected' : ''}>custom range</option></select></div>
  <div class="field range" ${custom ? '' : 'hidden'}><label for="f-start">From</label>
    <input type="datetime-local" id="f-start" name="start"></div>
  <div class="field range" ${custom ? '' : 'hidden'}><label for="f-end">To</label>
    <input type="datetime-local" id="f-end" name="end"></div>
  <div class="field narrow"><label for="f-limit">Limit</label>
    <input id="f-limit" name="limit" type="number" min="1" max="1000" value="${esc(v.limit)}"></div>
  <div class="field actions"><button type="submit" class="primary">Run query</button></div>
</form>
<div class="results-bar">
  <p id="result-count" role="status" aria-live="polite"></p>
  <label>Sort <select id="f-sort">${SORTS.map(([k, t]) => `<option value="${k}" ${v.sort === k ? 'selected' : ''}>${t}</option>`).join('')}</select></label>
</div>
<ol class="results" id="results" aria-label="Traces"></ol>`;
}

function fill(select, names, selected) {
  const opts = ['<option value="">any</option>', ...names.map((n) => `<option ${n === selected ? 'selected' : ''}>${esc(n)}</option>`)];
  if (selected && !names.includes(selected)) opts.push(`<option selected>${esc(selected)}</option>`);
  select.innerHTML = opts.join('');
}

function resultsHtml(summaries) {
  const longest = Math.max(1, ...summaries.map((s) => s.duration));
  return summaries.map((s) => {
    const services = [...s.services.entries()].sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `<li><i style="background:${serviceColor(name)}"></i>${esc(name)} <b>${n}</b></li>`).join('');
    const errorBadge = s.error ? `<span class="badge ${s.error}">${s.error === 'critical' ? 'error' : 'error annotation'}</span>` : '';
    return `<li class="result ${s.error}" data-trace-id="${esc(s.traceId)}">
  <a href="traces/${esc(s.traceId)}" data-nav class="result-link">
    <span class="root"><b>${esc(s.rootService)}</b>: ${esc(s.rootName)} ${errorBadge}</span>
    <span class="when"><time>${esc(dateTime(s.start))}</time></span>
    <span class="count">${s.spanCount} span${s.spanCount === 1 ? '' : 's'}</span>
    <span class="dur"><span class="durbar" style="width:${((s.duration / longest) * 100).toFixed(1)}%"></span><span class="durtext">${esc(duration(s.duration))}</span></span>
  </a>
  <ul class="services" aria-label="Spans per service">${services}</ul>
</li>`;
  }).join('');
}

export async function renderSearch(main, ctx) {
  const p = ctx.params;
  const v = Object.fromEntries(FIELDS.map((k) => [k, p.get(k) || '']));
  const defaultLookback = lookbackLabel(Number(ctx.config.defaultLookback)) || '15m';
  v.lookback ||= defaultLookback;
  if (!LOOKBACKS.some(([k]) => k === v.lookback) && v.lookback !== 'custom' && Number(v.lookback) > 0) v.lookback = lookbackLabel(Number(v.lookback)) || v.lookback;
  v.limit ||= String(ctx.config.queryLimit || 10);
  v.sort ||= 'newest';
  main.innerHTML = formHtml(v);
  const form = main.querySelector('#search-form');
  const startInput = form.querySelector('#f-start');
  const endInput = form.querySelector('#f-end');
  const now = Date.now();
  endInput.value = localInput(Number(v.endTs) || now);
  startInput.value = localInput(Number(v.startTs) || (Number(v.endTs) || now) - 3600e3);
  if (!LOOKBACKS.some(([k]) => k === v.lookback) && v.lookback !== 'custom' && Number(v.lookback) > 0 && v.endTs) {
    // A lookback in milliseconds (Lens's "millis"): show it as the custom range it means.
    startInput.value = localInput(Number(v.endTs) - Number(v.lookback));
  }

  const serviceSelect = form.querySelector('#f-service');
  const loadNames = async (service) => {
    const [spans, remotes] = service ? await Promise.all([api.spans(service), api.remoteServices(service)]) : [[], []];
    fill(form.querySelector('#f-span'), spans, v.spanName);
    fill(form.querySelector('#f-remote'), remotes, v.remoteServiceName);
  };
  api.services().then((names) => fill(serviceSelect, names, v.serviceName)).catch((e) => ctx.toast('Services: ' + e.message));
  loadNames(v.serviceName).catch(() => {});
  api.autocompleteKeys().then((keys) => {
    form.querySelector('#f-tag-keys').innerHTML = keys.map((k) => `<option value="${esc(k)}=">`).join('');
  }).catch(() => {});
  serviceSelect.addEventListener('change', () => { v.spanName = ''; v.remoteServiceName = ''; loadNames(serviceSelect.value).catch(() => {}); });
  form.querySelector('#f-lookback').addEventListener('change', (e) => {
    for (const el of form.querySelectorAll('.range')) el.hidden = e.target.value !== 'custom';
  });

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    const next = new URLSearchParams();
    for (const k of ['serviceName', 'remoteServiceName', 'spanName', 'annotationQuery', 'minDuration', 'maxDuration', 'lookback', 'limit']) {
      if (data[k]) next.set(k, data[k].trim());
    }
    if (data.lookback === 'custom') {
      next.set('startTs', String(new Date(data.start).getTime()));
      next.set('endTs', String(new Date(data.end).getTime()));
    }
    next.set('sort', main.querySelector('#f-sort').value);
    ctx.navigate('./?' + next.toString());
  });

  const countEl = main.querySelector('#result-count');
  const resultsEl = main.querySelector('#results');
  let summaries = [];
  main.querySelector('#f-sort').addEventListener('change', (e) => {
    const params = new URLSearchParams(location.search);
    params.set('sort', e.target.value);
    history.replaceState(null, '', '?' + params);
    resultsEl.innerHTML = resultsHtml(sortSummaries(summaries, e.target.value));
  });

  if (ctx.config.searchEnabled === false) {
    countEl.textContent = 'Searching is disabled on this server (SEARCH_ENABLED=false). Open a trace by its ID above.';
    return null;
  }
  let query;
  try {
    query = toApiQuery(v);
  } catch (e) {
    countEl.textContent = e.message;
    countEl.className = 'error';
    return null;
  }
  countEl.textContent = 'Searching…';
  try {
    const traces = await api.traces(query);
    summaries = traces.filter((t) => t.length).map((t) => traceModel(t));
    countEl.textContent = summaries.length
      ? `${summaries.length} trace${summaries.length === 1 ? '' : 's'} between ${dateTime((query.endTs - query.lookback) * 1000)} and ${dateTime(query.endTs * 1000)}`
      : `No traces between ${dateTime((query.endTs - query.lookback) * 1000)} and ${dateTime(query.endTs * 1000)}. Widen the time range or remove a filter.`;
    resultsEl.innerHTML = resultsHtml(sortSummaries(summaries, v.sort));
  } catch (e) {
    countEl.textContent = 'Search failed: ' + e.message;
    countEl.className = 'error';
  }
  return null;
}

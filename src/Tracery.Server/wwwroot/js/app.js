// The single-page app: routes the address to a page. The page's base is "/" or "/zipkin/" (the server sets
// <base href>), and routes are relative to it: "" search, "traces/{id}", "dependency", "traceViewer".
import { loadConfig } from './api.js';
import { renderSearch } from './pages/search.js';
import { renderTrace, renderUploadedTrace } from './pages/trace.js';
import { renderDependencies } from './pages/dependencies.js';
import { readTraceFile } from './model/trace-file.js';

const basePath = new URL(document.baseURI).pathname;
const main = document.getElementById('main');
const state = { config: null, uploaded: null, cleanup: null };

export function navigate(path, { replace = false } = {}) {
  const url = new URL(path, document.baseURI);
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  route();
}

export function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => el.classList.remove('show'), 5000);
}

function currentRoute() {
  const path = location.pathname.startsWith(basePath) ? location.pathname.slice(basePath.length) : location.pathname.replace(/^\//, '');
  return decodeURIComponent(path);
}

async function route() {
  if (state.cleanup) { state.cleanup(); state.cleanup = null; }
  state.config ||= await loadConfig();
  const path = currentRoute();
  const ctx = { config: state.config, navigate, toast, params: new URLSearchParams(location.search) };
  let page = 'search';
  main.innerHTML = '';
  try {
    const traceMatch = /^traces\/([^/]+)\/?$/.exec(path);
    if (traceMatch) { page = 'trace'; state.cleanup = await renderTrace(main, ctx, traceMatch[1]); }
    else if (path === 'dependency' || path === 'dependency/') { page = 'dependency'; state.cleanup = await renderDependencies(main, ctx); }
    else if (path === 'traceViewer') { page = 'trace'; state.cleanup = renderUploadedTrace(main, ctx, state.uploaded || sessionUpload()); }
    else if (path === '' || path === 'index.html') state.cleanup = await renderSearch(main, ctx);
    else main.innerHTML = `<p class="empty">No page here. <a href="./" data-nav>Find a trace</a>.</p>`;
  } catch (e) {
    main.insertAdjacentHTML('beforeend', `<p class="error" role="alert"></p>`);
    main.lastElementChild.textContent = e.message;
  }
  for (const a of document.querySelectorAll('nav a[data-page]')) {
    if (a.dataset.page === page) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
}

function sessionUpload() {
  try { return JSON.parse(sessionStorage.getItem('tracery.upload') || 'null'); } catch { return null; }
}

document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-nav]');
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(a.getAttribute('href'));
});

document.getElementById('trace-id-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const input = document.getElementById('trace-id-input');
  const id = input.value.trim().toLowerCase();
  if (!/^[0-9a-f]{1,32}$/.test(id)) { toast('A trace ID is 1 to 32 hex characters'); return; }
  input.value = '';
  navigate('traces/' + id);
});

document.getElementById('json-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  e.target.value = '';
  if (!file) return;
  try {
    state.uploaded = readTraceFile(await file.text(), file.name);
    try { sessionStorage.setItem('tracery.upload', JSON.stringify(state.uploaded)); } catch { /* too big to keep across reloads */ }
    navigate('traceViewer');
  } catch (err) {
    toast(err.message);
  }
});

document.querySelector('label.upload').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); document.getElementById('json-file').click(); }
});

window.addEventListener('popstate', route);
route();

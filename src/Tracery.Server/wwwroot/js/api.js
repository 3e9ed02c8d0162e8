// The Zipkin v2 query API (zipkin.md §1.2). It lives at the server's root, whichever base the page has.

const API = '/api/v2/';

async function get(path, params) {
  const query = params ? '?' + new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '' && v !== null)) : '';
  const response = await fetch(API + path + query, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const text = (await response.text()).trim();
    const error = new Error(text || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

export const api = {
  services: () => get('services'),
  spans: (serviceName) => get('spans', { serviceName }),
  remoteServices: (serviceName) => get('remoteServices', { serviceName }),
  traces: (params) => get('traces', params),
  trace: (traceId) => get('trace/' + encodeURIComponent(traceId)),
  dependencies: (endTs, lookback) => get('dependencies', { endTs, lookback }),
  autocompleteKeys: () => get('autocompleteKeys'),
  autocompleteValues: (key) => get('autocompleteValues', { key }),
};

/** /zipkin/config.json when the server has it; Lens's defaults otherwise. */
export async function loadConfig() {
  const defaults = { queryLimit: 10, defaultLookback: 900000, searchEnabled: true, dependency: { enabled: true } };
  try {
    const response = await fetch('/zipkin/config.json');
    if (!response.ok) return defaults;
    const config = await response.json();
    return { ...defaults, ...config, dependency: { ...defaults.dependency, ...(config.dependency || {}) } };
  } catch {
    return defaults;
  }
}

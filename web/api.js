/**
 * @module The web UI's client of the JSON API (/api/*). Bodies are the Engine's result types
 * (src/engine/types.ts), unchanged; errors arrive as {error:{code,message}} and are thrown as
 * ApiError.
 */

/** An error answered by the API (or a network failure, with status 0). */
export class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * GET a JSON API path.
 *
 * @param {string} path e.g. `/api/ask`
 * @param {Record<string, string | number | undefined>} [params]
 * @param {AbortSignal} [signal]
 */
export async function get(path, params, signal) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== '') qs.set(k, String(v));
  const url = qs.toString() ? `${path}?${qs}` : path;
  let res;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The Marquee server is not reachable.');
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) {
    const err = body && body.error ? body.error : { code: 'http_' + res.status, message: res.statusText || 'Request failed' };
    throw new ApiError(res.status, String(err.code), String(err.message));
  }
  return body;
}

const enc = encodeURIComponent;

export const api = {
  /** @param {string} q @param {boolean} [explain] @param {AbortSignal} [signal] */
  ask: (q, explain, signal) => get('/api/ask', { q, explain: explain ? '1' : undefined }, signal),
  search: (q, limit, signal) => get('/api/search', { q, limit }, signal),
  entities: (q, limit, signal) => get('/api/entities', { q, limit }, signal),
  entity: (id, signal) => get(`/api/entities/${enc(id)}`, undefined, signal),
  timeline: (id, signal) => get(`/api/entities/${enc(id)}/timeline`, undefined, signal),
  graph: (id, depth, signal) => get(`/api/entities/${enc(id)}/graph`, { depth }, signal),
  document: (id, signal) => get(`/api/documents/${enc(id)}`, undefined, signal),
  facts: (params, signal) => get('/api/facts', params, signal),
  health: (signal) => get('/api/health', undefined, signal),
  capabilities: (signal) => get('/api/capabilities', undefined, signal),
};

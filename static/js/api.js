// Every call to the server goes through here: JSON in and out, the API token, and errors.

const TOKEN_KEY = 'wipflow.token';

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

export const token = {
  get: () => localStorage.getItem(TOKEN_KEY) || '',
  set: (value) => (value ? localStorage.setItem(TOKEN_KEY, value) : localStorage.removeItem(TOKEN_KEY)),
};

let askForToken = async () => null;
let asking = null;
let asked = false;

/** The page supplies the dialog that asks for a token (once per page load, shared by parallel callers). */
export function onTokenNeeded(fn) {
  askForToken = fn;
}

function headersWith(extra = {}) {
  const h = { Accept: 'application/json', ...extra };
  const t = token.get();
  if (t) h.Authorization = `Bearer ${t}`;
  return h;
}

async function send(method, path, { json, body, contentType, signal, accept } = {}) {
  for (let attempt = 0; ; attempt++) {
    const sentToken = token.get();
    const extra = accept ? { Accept: accept } : {};
    if (json !== undefined) extra['Content-Type'] = 'application/json';
    else if (contentType) extra['Content-Type'] = contentType;
    let res;
    try {
      res = await fetch(path, {
        method,
        headers: headersWith(extra),
        body: json !== undefined ? JSON.stringify(json) : body,
        signal,
      });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network', `The server could not be reached (${e.message}).`);
    }
    if (res.status === 401 && attempt === 0) {
      if (token.get() !== sentToken) continue; // another request already got a new token
      if (!asked) {
        asked = true;
        asking = asking || askForToken();
        const given = await asking;
        asking = null;
        if (given) {
          token.set(given);
          continue;
        }
      }
    }
    return res;
  }
}

async function errorOf(res) {
  let payload = null;
  try {
    payload = await res.json();
  } catch {
    /* not JSON */
  }
  const err = payload && payload.error ? payload.error : {};
  let message = err.message || `${res.status} ${res.statusText}`.trim();
  if (res.status === 401) {
    message = token.get()
      ? 'The server refused the API token (401). Set the right one with the "API token" button.'
      : 'This server needs an API token (401). Set it with the "API token" button.';
  }
  return new ApiError(res.status, err.code || `http_${res.status}`, message, err.details);
}

/** JSON answer, null for 204, ApiError for anything else that is not 2xx. */
export async function call(method, path, options) {
  const res = await send(method, path, options);
  if (res.status === 204) return null;
  if (!res.ok) throw await errorOf(res);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

const c = (name) => `/api/${encodeURIComponent(name)}`;

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  health: () => call('GET', '/api/health'),
  collections: () => call('GET', '/api/collections'),
  list: (col, { status, q, limit, offset }) => call('GET', `${c(col)}/wip${query({ status, q, limit, offset })}`),
  product: (col, id) => call('GET', `${c(col)}/wip/${id}`),
  add: (col, items, updateExisting) =>
    call('POST', `${c(col)}/wip`, { json: { items, update_existing: !!updateExisting } }),
  remove: (col, id) => call('DELETE', `${c(col)}/wip/${id}`),
  reset: (col, id, from) => call('POST', `${c(col)}/wip/${id}/reset`, { json: from ? { from } : {} }),
  edit: (col, id, fields) => call('PATCH', `${c(col)}/wip/${id}`, { json: { fields } }),
  approve: (col, id) => call('POST', `${c(col)}/wip/${id}/approve`, { json: {} }),
  cancel: (col, id) => call('POST', `${c(col)}/wip/${id}/cancel`, { json: {} }),
  processOne: (col, body, signal) => call('POST', `${c(col)}/wip/process-one`, { json: body, signal }),
  createJob: (col, wipIds, fastMode) =>
    call('POST', `${c(col)}/wip/process`, { json: { wip_ids: wipIds, fast_mode: !!fastMode } }),
  jobs: (col, limit = 20, status) => call('GET', `${c(col)}/wip/jobs${query({ limit, status })}`),
  job: (col, jobId) => call('GET', `${c(col)}/wip/jobs/${encodeURIComponent(jobId)}`),
  cancelJob: (col, jobId) => call('POST', `${c(col)}/wip/jobs/${encodeURIComponent(jobId)}/cancel`, { json: {} }),
  streamUrl: (col, wipIds, { fastMode, jobId, maxSeconds } = {}) =>
    `${c(col)}/wip/process-stream${query({ wip_ids: wipIds.join(','), fast_mode: fastMode ? 'true' : '', job_id: jobId, max_seconds: maxSeconds })}`,

  /** Export as a file download; fetched (not a plain link) so the token header goes along. */
  async exportCsv(col, format) {
    const res = await send('GET', `${c(col)}/export.csv${query({ format })}`);
    if (!res.ok) throw await errorOf(res);
    return res.blob();
  },

  /** A raw streaming response for SSE when EventSource cannot be used (it cannot send a token). */
  async openStream(url, signal) {
    const res = await send('GET', url, { signal, accept: 'text/event-stream' });
    if (!res.ok) throw await errorOf(res);
    return res;
  },
};

// The page's state lives here and only here. Panels subscribe to the keys they render.

export const state = {
  health: null,
  collection: null,
  collections: [],
  products: { items: [], total: 0, limit: 50, offset: 0, status: '', q: '' },
  selected: new Set(),
  detail: null,
  batch: null,
  savedJob: null,
  jobs: { items: [], totals: null },
  notice: null,
};

const listeners = [];

/** fn(state) runs whenever one of keys changes. */
export function subscribe(keys, fn) {
  listeners.push({ keys: new Set(keys), fn });
}

export function update(patch) {
  Object.assign(state, patch);
  const changed = Object.keys(patch);
  for (const { keys, fn } of listeners) {
    if (changed.some((k) => keys.has(k))) fn(state);
  }
}

/** A notice for the status line: kind is 'info', 'ok' or 'error'. */
export function notify(text, kind = 'info') {
  update({ notice: { text, kind, at: Date.now() } });
}

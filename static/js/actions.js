// Loading from the server into the state. Panels call these; they never fetch on their own.

import { api } from './api.js';
import { state, update, notify } from './state.js';

const COLLECTION_KEY = 'wipflow.collection';

export async function loadHealth() {
  try {
    update({ health: await api.health() });
  } catch (e) {
    update({ health: { status: 'error', message: e.message } });
  }
}

export async function loadCollections() {
  try {
    const { collections } = await api.collections();
    update({ collections: collections || [] });
  } catch (e) {
    notify(e.message, 'error');
  }
}

export function chooseCollection(name) {
  if (!name) return;
  localStorage.setItem(COLLECTION_KEY, name);
  if (location.hash !== `#${name}`) history.replaceState(null, '', `#${encodeURIComponent(name)}`);
  update({
    collection: name,
    selected: new Set(),
    detail: null,
    products: { ...state.products, items: [], total: 0, offset: 0 },
  });
  wanted = null;
  loadProducts();
  loadJobs();
}

export function initialCollection() {
  const fromHash = decodeURIComponent(location.hash.slice(1));
  return fromHash || localStorage.getItem(COLLECTION_KEY) || null;
}

let listSeq = 0;
// The list the user asked for last: a filter, search or page change made while an earlier request is still
// under way (or a refresh that starts meanwhile) builds on it, so no change is lost to a slower answer.
let wanted = null;

export async function loadProducts(changes = {}) {
  const { status, q, limit, offset } = { ...(wanted ?? state.products), ...changes };
  wanted = { status, q, limit, offset };
  const p = { ...state.products, ...wanted };
  if (!state.collection) return;
  const seq = ++listSeq;
  try {
    const answer = await api.list(state.collection, { status: p.status, q: p.q, limit: p.limit, offset: p.offset });
    if (seq !== listSeq) return; // a newer request is under way
    update({ products: { ...p, items: answer.items || [], total: answer.total ?? (answer.items || []).length } });
  } catch (e) {
    if (seq !== listSeq) return;
    update({ products: { ...p, items: [], total: 0 } });
    if (e.status !== 404) notify(e.message, 'error');
  }
}

/** Products, counts and the open detail, at most once per interval while a batch runs. */
let refreshTimer = null;
export function refreshSoon(ms = 1200) {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    refreshAll();
  }, ms);
}

export async function refreshAll() {
  await Promise.all([loadCollections(), loadProducts(), state.detail ? openDetail(state.detail.id, false) : null]);
}

export async function loadJobs() {
  if (!state.collection) return;
  try {
    const answer = await api.jobs(state.collection, 20);
    update({ jobs: { items: answer.jobs || [], totals: answer.totals || null } });
  } catch (e) {
    update({ jobs: { items: [], totals: null, error: e.status === 404 ? null : e.message } });
  }
}

export async function openDetail(id, focus = true) {
  try {
    const { item } = await api.product(state.collection, id);
    const old = state.detail;
    const same = !focus && old && old.id === item.id && old.updated_at === item.updated_at
      && old.status === item.status && (old.events || []).length === (item.events || []).length;
    if (!same) update({ detail: item }); // an unchanged product is not redrawn, so focus stays put
    if (focus) {
      const panel = document.getElementById('detail');
      panel.focus();
      panel.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  } catch (e) {
    notify(e.message, 'error');
    if (e.status === 404) update({ detail: null });
  }
}

/** Every product of the collection with this status ('' for all) and SKU search, paged through the list API. */
export async function productsWhere({ status = '', q = '' } = {}, collection = state.collection) {
  const items = [];
  for (let offset = 0; ; offset += 500) {
    const answer = await api.list(collection, { status, q, limit: 500, offset });
    const page = answer.items || [];
    items.push(...page);
    if (page.length < 500 || items.length >= (answer.total ?? 0)) return items;
  }
}

/** Every pending product of the collection, as {id, sku}. */
export async function pendingProducts() {
  return (await productsWhere({ status: 'pending' })).map((p) => ({ id: p.id, sku: p.sku }));
}

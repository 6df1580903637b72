// Actions on several products at once: the ticked ones, or else every product the filter shows (all pages).

import { $ } from './dom.js';
import { state, subscribe, update, notify } from './state.js';
import { api } from './api.js';
import { productsWhere, refreshAll } from './actions.js';
import { startBatch, batchActive } from './batch-panel.js';
import { STEPS, statusLabel, plural } from './format.js';

export function mountBulk() {
  subscribe(['selected', 'products', 'collection'], renderScope);
  $('bulk-retry').addEventListener('click', () => guarded(retryFailed));
  $('bulk-approve').addEventListener('click', () => guarded(approve));
  $('bulk-reset').addEventListener('click', () => guarded(reset));
  $('bulk-delete').addEventListener('click', () => guarded(remove));
}

function renderScope() {
  const { status, q } = state.products;
  const what = status ? `every "${statusLabel(status)}" product` : 'every product';
  $('bulk-scope').textContent = state.selected.size
    ? `For the ${plural(state.selected.size, 'ticked product')}:`
    : `For ${what}${q ? ` matching "${q}"` : ''}:`;
  for (const id of ['bulk-retry', 'bulk-approve', 'bulk-reset', 'bulk-delete']) $(id).disabled = !state.collection;
}

let busy = false;
async function guarded(action) {
  if (busy) return;
  busy = true;
  try {
    await action(await targets());
  } catch (e) {
    notify(e.message, 'error');
  } finally {
    busy = false;
    await refreshAll();
  }
}

/** The ticked products, or every product of the filter, each with its status and error. */
async function targets() {
  const all = await productsWhere({ status: state.products.status, q: state.products.q });
  if (!state.selected.size) return all;
  const byId = new Map(all.map((p) => [p.id, p]));
  const ticked = [...state.selected].map((id) => byId.get(id)).filter(Boolean);
  if (ticked.length === state.selected.size) return ticked;
  const everything = new Map((await productsWhere()).map((p) => [p.id, p]));
  return [...state.selected].map((id) => everything.get(id)).filter(Boolean);
}

/** Calls fn on each product in turn; the products it failed for are named with the reason. */
async function each(products, fn) {
  const refused = [];
  for (const p of products) {
    try {
      await fn(p);
    } catch (e) {
      refused.push(`${p.sku}: ${e.message}`);
    }
  }
  return refused;
}

function report(count, what, refused) {
  const done = count - refused.length;
  const tail = refused.length ? ` Not done for ${refused.length}: ${refused.slice(0, 5).join('; ')}${refused.length > 5 ? ' …' : ''}` : '';
  notify(`${plural(done, 'product')} ${what}.${tail}`, refused.length ? 'error' : 'ok');
}

/** Failed (and cancelled) products back to waiting from the step they stopped at, then run as a batch. */
async function retryFailed(products) {
  if (batchActive()) return notify('A batch is running; wait for it or cancel it first.', 'error');
  const failed = products.filter((p) => p.status === 'failed' || p.status === 'cancelled');
  if (!failed.length) return notify('Nothing failed here.', 'info');
  const refused = await each(failed, (p) => {
    const from = p.status === 'failed' && p.error && STEPS.includes(p.error.step) ? p.error.step : undefined;
    return api.reset(state.collection, p.id, from);
  });
  if (refused.length) report(failed.length, 'sent back to waiting', refused);
  const ok = failed.filter((p) => !refused.some((r) => r.startsWith(`${p.sku}:`)));
  if (ok.length) await startBatch(ok.map((p) => ({ id: p.id, sku: p.sku })));
}

async function approve(products) {
  const review = products.filter((p) => p.status === 'review');
  if (!review.length) return notify('No product here needs review.', 'info');
  if (!confirm(`Approve ${plural(review.length, 'product')} as they are? Their rows are marked ready in the sheet.`)) return;
  report(review.length, 'approved', await each(review, (p) => api.approve(state.collection, p.id)));
}

async function reset(products) {
  const resettable = products.filter((p) => p.status !== 'pending');
  if (!resettable.length) return notify('Everything here is already waiting.', 'info');
  if (!confirm(`Reset ${plural(resettable.length, 'product')}? They wait to be processed again from the start; what was extracted is redone.`)) return;
  report(resettable.length, 'reset to waiting', await each(resettable, (p) => api.reset(state.collection, p.id)));
}

async function remove(products) {
  if (!products.length) return notify('Nothing to delete.', 'info');
  if (!confirm(`Delete ${plural(products.length, 'product')}? This cannot be undone.`)) return;
  const refused = await each(products, (p) => api.remove(state.collection, p.id));
  update({ selected: new Set(), detail: products.some((p) => state.detail && p.id === state.detail.id) ? null : state.detail });
  report(products.length, 'deleted', refused);
}

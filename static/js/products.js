// The product list: filter by status, search by SKU, select, page, open one.

import { h, fill, $, safeUrl } from './dom.js';
import { state, update, subscribe } from './state.js';
import { loadProducts, openDetail, refreshAll } from './actions.js';
import { STATUSES, statusLabel, money, availabilityText, reviewReason } from './format.js';
import { errorText } from './batch.js';

export function mountProducts() {
  subscribe(['products', 'selected'], renderRows);
  subscribe(['products', 'collections', 'collection'], renderFilter);
  subscribe(['selected'], () => ($('selected-count').textContent = String(state.selected.size)));

  let typing = null;
  $('search').addEventListener('input', (e) => {
    clearTimeout(typing);
    typing = setTimeout(() => loadProducts({ q: e.target.value.trim(), offset: 0 }), 250);
  });
  $('refresh').addEventListener('click', () => refreshAll());
  $('prev-page').addEventListener('click', () =>
    loadProducts({ offset: Math.max(0, state.products.offset - state.products.limit) }),
  );
  $('next-page').addEventListener('click', () => loadProducts({ offset: state.products.offset + state.products.limit }));
  $('select-page').addEventListener('change', (e) => {
    const selected = new Set(state.selected);
    for (const p of state.products.items) {
      if (e.target.checked) selected.add(p.id);
      else selected.delete(p.id);
    }
    update({ selected });
  });
}

function countsOf(name) {
  const c = state.collections.find((x) => x.name === name);
  return c ? { all: c.total, ...(c.counts || {}) } : {};
}

function renderFilter() {
  const counts = countsOf(state.collection);
  const current = state.products.status || '';
  fill(
    'status-filter',
    ['', ...STATUSES].map((status) =>
      h(
        'button',
        {
          type: 'button',
          class: `chip${status ? ` s-${status}` : ''}`,
          'aria-pressed': String(status === current),
          dataset: { status: status || 'all' },
          onclick: () => loadProducts({ status, offset: 0 }),
        },
        `${status ? statusLabel(status) : 'all'} `,
        h('span', { class: 'n' }, String(counts[status || 'all'] ?? 0)),
      ),
    ),
  );
}

function renderRows() {
  const { items, total, offset, limit } = state.products;
  $('products-caption').textContent = `Products of ${state.collection || 'no collection'}`;
  if (!items.length) {
    fill(
      'product-rows',
      h('tr', {}, h('td', { colspan: '12', class: 'empty' }, state.collection ? 'No products here.' : 'Choose a collection.')),
    );
  } else {
    fill('product-rows', items.map(row));
  }
  const pageAll = items.length > 0 && items.every((p) => state.selected.has(p.id));
  const pageSome = items.some((p) => state.selected.has(p.id));
  $('select-page').checked = pageAll;
  $('select-page').indeterminate = !pageAll && pageSome;
  $('page-info').textContent = total ? `${offset + 1}–${Math.min(offset + items.length, total)} of ${total}` : '';
  $('prev-page').disabled = offset === 0;
  $('next-page').disabled = offset + limit >= total;
}

function row(p) {
  const toggle = (e) => {
    const selected = new Set(state.selected);
    if (e.target.checked) selected.add(p.id);
    else selected.delete(p.id);
    update({ selected });
  };
  const f = p.fields || {};
  const warnings = (p.warnings || []).length;
  return h(
    'tr',
    { dataset: { id: p.id, sku: p.sku, status: p.status }, class: p.status === 'review' ? 'needs-review' : null },
    h('td', {}, h('input', { type: 'checkbox', checked: state.selected.has(p.id), 'aria-label': `Select ${p.sku}`, onchange: toggle })),
    h('td', { class: 'thumb', dataset: { col: 'picture' } }, thumbnail(f)),
    h('th', { scope: 'row', dataset: { label: 'SKU' } }, h('button', { type: 'button', class: 'link sku', onclick: () => openDetail(p.id) }, p.sku)),
    cell('title', 'Title', f.title || ''),
    cell('brand', 'Brand', f.brand || ''),
    cell('price', 'Price', money(f.price, f.currency), 'num'),
    cell('availability', 'Availability', availabilityText(f.availability)),
    cell('options', 'Options', optionsText(f.options)),
    h('td', { dataset: { col: 'status', label: 'Status' } }, h('span', { class: `badge s-${p.status}` }, statusLabel(p.status))),
    cell('step', 'Step', stepText(p)),
    cell('warnings', 'Warnings', warnings ? String(warnings) : '', warnings ? 'warn-count' : null),
    cell('problem', 'Problem', problemText(p), 'error-cell'),
  );
}

function cell(col, label, text, cls) {
  return h('td', { dataset: { col, label }, class: cls || null }, text);
}

/** The product's first image, small; only http(s) sources are loaded. */
function thumbnail(f) {
  const src = safeUrl((f.images || [])[0] || '');
  return src ? h('img', { src, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer', width: '40', height: '40' }) : null;
}

function optionsText(options) {
  return Object.entries(options || {}).map(([name, value]) => `${name}: ${value}`).join(', ');
}

/** Why a product needs a person: its error, or what a product in review lacks. */
function problemText(p) {
  if (p.error) return errorText(p.error);
  if (p.status === 'review') return reviewReason(p) || 'check it and approve it';
  return '';
}

/**
 * The step a product stands at, as its status means it: where a failed one failed (its error's step, the step it
 * resumes at), what a waiting, running or cancelled one does next, and "done" for a ready one.
 */
function stepText(p) {
  if (p.status === 'ready') return 'done';
  if (p.status === 'failed' && p.error && p.error.step) return p.error.step;
  return p.next_step || p.step || '–';
}

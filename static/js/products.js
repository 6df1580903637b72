// The product list: filter by status, search by SKU, select, page, open one.

import { h, fill, $ } from './dom.js';
import { state, update, subscribe } from './state.js';
import { loadProducts, openDetail, refreshAll } from './actions.js';
import { STATUSES, when } from './format.js';
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
        `${status || 'all'} `,
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
      h('tr', {}, h('td', { colspan: '7', class: 'empty' }, state.collection ? 'No products here.' : 'Choose a collection.')),
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
  return h(
    'tr',
    { dataset: { id: p.id, sku: p.sku, status: p.status } },
    h('td', {}, h('input', { type: 'checkbox', checked: state.selected.has(p.id), 'aria-label': `Select ${p.sku}`, onchange: toggle })),
    h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link sku', onclick: () => openDetail(p.id) }, p.sku)),
    h('td', {}, h('span', { class: `badge s-${p.status}` }, p.status)),
    h('td', { dataset: { col: 'step' } }, stepText(p)),
    h('td', {}, p.row_num ?? '–'),
    h('td', {}, when(p.updated_at)),
    h('td', { class: 'error-cell' }, p.error ? errorText(p.error) : ''),
  );
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

// Adding products: paste or upload, preview with per-line problems, then one request.

import { h, fill, $ } from './dom.js';
import { state, notify } from './state.js';
import { parseProducts } from './csv.js';
import { api } from './api.js';
import { loadCollections, loadProducts } from './actions.js';

const PREVIEW_ROWS = 200;
let rows = [];
let serverProblems = new Map(); // sku -> message from the server's last answer
let leftOver = []; // the lines the last send did not add, with their reasons

export function mountAdd() {
  const text = $('add-text');
  text.addEventListener('input', () => {
    serverProblems = new Map();
    leftOver = [];
    preview();
  });
  $('add-file').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    text.value = await file.text();
    serverProblems = new Map();
    preview();
  });
  $('update-existing').addEventListener('change', () => {
    serverProblems = new Map();
    preview();
  });
  $('add-clear').addEventListener('click', () => {
    text.value = '';
    $('add-file').value = '';
    serverProblems = new Map();
    leftOver = [];
    preview();
  });
  $('add-form').addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
}

const problemsOf = (r) => [...r.errors, ...(serverProblems.has(r.sku) ? [serverProblems.get(r.sku)] : [])];

function preview() {
  rows = parseProducts($('add-text').value);
  const bad = rows.filter((r) => problemsOf(r).length);
  const good = rows.length - bad.length;
  const table = $('add-preview');
  table.hidden = rows.length === 0;
  // Problems first, so they are seen even in a long paste.
  const shown = [...bad, ...rows.filter((r) => !bad.includes(r))].slice(0, PREVIEW_ROWS);
  fill(
    'add-rows',
    shown.map((r) => {
      const problems = problemsOf(r);
      return h(
        'tr',
        { class: problems.length ? 'bad' : 'good' },
        h('td', {}, String(r.line)),
        h('td', {}, r.sku || '–'),
        h('td', { class: 'url' }, r.url || '–'),
        h('td', {}, problems.length ? problems.join('; ') : 'ok'),
      );
    }),
  );
  const more = rows.length > PREVIEW_ROWS ? ` (showing ${PREVIEW_ROWS})` : '';
  $('add-summary').textContent = rows.length
    ? `${rows.length} product${rows.length === 1 ? '' : 's'}, ${bad.length} with problems${more}.`
    : '';
  const send = $('add-send');
  send.disabled = !good || !state.collection;
  send.textContent = bad.length && good ? `Add the ${good} good line${good === 1 ? '' : 's'}` : 'Add products';
  renderLeftOver();
}

function renderLeftOver() {
  const list = $('add-left');
  list.hidden = !leftOver.length;
  fill(
    list,
    leftOver.length ? h('li', { class: 'head' }, `Not added (${leftOver.length}):`) : null,
    leftOver.map((r) => h('li', {}, `line ${r.line}`, r.sku ? ` (${r.sku})` : '', `: ${r.reason}`)),
  );
}

async function send() {
  if (!state.collection) return notify('Choose or open a collection first.', 'error');
  const good = rows.filter((r) => !problemsOf(r).length);
  const skipped = rows.filter((r) => problemsOf(r).length).map((r) => ({ line: r.line, sku: r.sku, reason: problemsOf(r).join('; ') }));
  const items = good.map((r) => ({ sku: r.sku, url: r.url }));
  if (!items.length) return;
  const updateExisting = $('update-existing').checked;
  $('add-send').disabled = true;
  try {
    const answer = await api.add(state.collection, items, updateExisting);
    const tail = skipped.length ? ` ${skipped.length} line${skipped.length === 1 ? ' was' : 's were'} not added; see "Not added" below.` : '';
    notify(`Added ${answer.added ?? 0}, updated ${answer.updated ?? 0} in ${state.collection}.${tail}`, skipped.length ? 'warn' : 'ok');
    $('add-text').value = '';
    $('add-file').value = '';
    serverProblems = new Map();
    leftOver = skipped;
    await Promise.all([loadCollections(), loadProducts({ offset: 0 })]);
  } catch (e) {
    serverProblems = new Map();
    if (e.status === 409 && Array.isArray(e.details.existing)) {
      e.details.existing.forEach((sku) => serverProblems.set(sku, 'already exists (tick "update existing")'));
      notify(`${e.details.existing.length} SKU(s) already exist; nothing was added.`, 'error');
    } else if (e.status === 422 && Array.isArray(e.details.errors)) {
      e.details.errors.forEach((err) => {
        const sku = err.sku ?? (items[err.index] || {}).sku;
        serverProblems.set(sku, err.message);
      });
      notify(`The server refused ${e.details.errors.length} line(s); nothing was added.`, 'error');
    } else {
      notify(e.message, 'error');
    }
  }
  preview();
}

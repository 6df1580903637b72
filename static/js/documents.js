// Supplier documents: drop a purchase order, a linesheet or a CSV (or read the collection's sheet tab), see what
// wipflow read from it (the header, each field's column and how sure it is, the first items and the problems),
// change a column with a select, and import.

import { h, fill, $ } from './dom.js';
import { state, subscribe, notify } from './state.js';
import { call } from './api.js';
import { loadCollections, loadProducts } from './actions.js';

const FIELDS = ['sku', 'style', 'url', 'title', 'brand', 'cost', 'price', 'currency', 'quantity', 'gtin', 'mpn',
  'description', 'image', 'category', 'option:Color', 'option:Size', 'option:Finish', 'option:Material'];
const path = (col, rest = '') => `/api/${encodeURIComponent(col)}/documents${rest}`;

let doc = null; // the last preview the server answered
let changes = {}; // field -> column index, or null to drop it

export function mountDocuments() {
  const panel = $('documents-panel');
  const input = h('input', { id: 'doc-file', type: 'file', accept: '.csv,.xlsx,.pdf,text/csv,application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', onchange: (e) => e.target.files[0] && upload(e.target.files[0]) });
  const drop = h('label', { id: 'doc-drop', class: 'drop', for: 'doc-file' }, 'Drop a purchase order, linesheet or CSV here, or choose a file ', input);
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]);
  });
  fill(panel,
    h('h2', { id: 'documents-title' }, 'Supplier documents'),
    h('div', { class: 'stack' },
      drop,
      h('div', { class: 'row wrap' },
        h('button', { type: 'button', id: 'doc-sheet', onclick: fromSheet }, 'Read the collection’s sheet tab'),
        h('label', {}, 'URL template ', h('input', { id: 'doc-template', type: 'url', placeholder: 'https://supplier.example/p/{sku}', size: 36 })),
        h('label', { class: 'check' }, h('input', { id: 'doc-update', type: 'checkbox' }), ' update existing SKUs'),
        h('label', { class: 'check' }, h('input', { id: 'doc-enrich', type: 'checkbox' }), ' only add values to products already here (linesheet)')),
      h('p', { id: 'doc-summary', class: 'muted', 'aria-live': 'polite' }),
      h('div', { class: 'table-wrap' }, h('table', { id: 'doc-mapping', class: 'preview', hidden: true },
        h('caption', {}, 'Columns found'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Column'), h('th', { scope: 'col' }, 'Sure'))),
        h('tbody', { id: 'doc-mapping-rows' }))),
      h('div', { class: 'table-wrap' }, h('table', { id: 'doc-preview', class: 'preview', hidden: true },
        h('caption', {}, 'First items'),
        h('thead', {}, h('tr', {}, ...['Row', 'SKU', 'URL', 'Title', 'Cost', 'Price', 'Qty'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', { id: 'doc-preview-rows' }))),
      h('ul', { id: 'doc-problems', class: 'results' }),
      h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'doc-import', class: 'primary', disabled: true, onclick: importDoc }, 'Import'))));
  subscribe(['collection'], () => show(null));
}

async function upload(file) {
  if (!state.collection) return notify('Choose or create a collection first.', 'error');
  await read(() => call('POST', path(state.collection, `?filename=${encodeURIComponent(file.name)}`),
    { body: file, contentType: file.type || 'application/octet-stream' }));
}

async function fromSheet() {
  if (!state.collection) return notify('Choose a collection first.', 'error');
  await read(() => call('POST', path(state.collection, '/sheet'), { json: {} }));
}

async function read(request) {
  fill('doc-summary', 'Reading…');
  try {
    show(await request());
  } catch (e) {
    show(null);
    fill('doc-summary', e.message);
  }
}

function show(answer) {
  doc = answer;
  changes = {};
  $('doc-import').disabled = !doc || doc.rows === 0;
  $('doc-mapping').hidden = !doc;
  $('doc-preview').hidden = !doc;
  if (!doc) {
    fill('doc-mapping-rows');
    fill('doc-preview-rows');
    fill('doc-problems');
    return;
  }
  fill('doc-summary', `${doc.rows} items on sheet “${doc.sheet}” (header on row ${doc.header_row}`
    + `${doc.sheets.length > 1 ? `; sheets: ${doc.sheets.join(', ')}` : ''}), ${doc.problems_count} problems, ${doc.skipped_count} rows skipped.`);
  const fields = [...new Set([...Object.keys(doc.mapping), ...FIELDS])];
  fill('doc-mapping-rows', fields.map((field) => {
    const found = doc.mapping[field];
    const select = h('select', { 'aria-label': `Column for ${field}`, onchange: (e) => {
      changes[field] = e.target.value === '' ? null : Number(e.target.value);
    } }, h('option', { value: '' }, '—'),
    doc.headers.map((name, i) => h('option', { value: String(i), selected: found && found.column === i }, name || `column ${i + 1}`)));
    return h('tr', {}, h('td', {}, field), h('td', {}, select),
      h('td', {}, found ? `${Math.round(found.confidence * 100)}% (${found.by})` : ''));
  }));
  fill('doc-preview-rows', doc.preview.map((item) => h('tr', {},
    h('td', {}, String(item.row)), h('td', {}, item.sku), h('td', { class: 'url' }, item.url || '–'),
    h('td', {}, item.fields.title || ''), h('td', {}, item.fields.cost ?? ''), h('td', {}, item.fields.price ?? ''),
    h('td', {}, item.fields.quantity ?? ''))));
  fill('doc-problems', doc.problems.map((p) => h('li', { class: 'bad' }, p.message)));
}

async function importDoc() {
  if (!doc) return;
  const body = { update_existing: $('doc-update').checked, enrich: $('doc-enrich').checked };
  if (Object.keys(changes).length) body.mapping = changes;
  const template = $('doc-template').value.trim();
  if (template) body.url_template = template;
  $('doc-import').disabled = true;
  try {
    const r = await call('POST', path(state.collection, `/${doc.document_id}/import`), { json: body });
    notify(`Imported: ${r.added} added, ${r.updated} updated, ${r.skipped_count} skipped.`, 'ok');
    fill('doc-problems', r.skipped.slice(0, 100).map((s) => h('li', {}, `row ${s.row}: ${s.reason}`)));
    await loadCollections();
    await loadProducts();
  } catch (e) {
    notify(e.message, 'error');
  } finally {
    $('doc-import').disabled = false;
  }
}

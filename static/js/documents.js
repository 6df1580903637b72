// Supplier documents: drop a purchase order, a linesheet or a CSV (or read the collection's sheet tab), see what
// wipflow read from it (the header, each field's column and how sure it is, the first items and the problems),
// correct a column with its select (the preview follows), and import. A long PDF is read over several requests:
// the same file is sent again to its continue_url until the answer says done, and a person may stop between them.

import { h, fill, $ } from './dom.js';
import { state, subscribe, notify } from './state.js';
import { call } from './api.js';
import { loadCollections, loadProducts } from './actions.js';
import { summary, fillAll, refusal } from './document-view.js';

const path = (col, rest = '') => `/api/${encodeURIComponent(col)}/documents${rest}`;

let doc = null; // the last answer about the document shown
let file = null; // the file it came from (a PDF read over several requests is sent again)
let changes = {}; // field -> column index, or null to drop it, as the person set them
let reads = 0; // documents sent, so only the answer about the latest is shown
let remaps = 0; // corrections asked, so a slower answer to an older one is not shown
let reading = null; // {controller, stopped, running} once a PDF is being read on

export function mountDocuments() {
  const input = h('input', { id: 'doc-file', type: 'file',
    accept: '.csv,.xlsx,.pdf,text/csv,application/pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    onchange: (e) => e.target.files[0] && upload(e.target.files[0]) });
  const drop = h('label', { id: 'doc-drop', class: 'drop', for: 'doc-file' },
    'Drop a purchase order, linesheet or CSV here (XLSX, CSV or PDF), or choose a file ', input);
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]);
  });
  fill($('documents-panel'),
    h('h2', { id: 'documents-title' }, 'Supplier documents'),
    h('div', { class: 'stack documents' },
      drop,
      h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'doc-sheet', onclick: fromSheet }, 'Read the sheet tab'),
        h('small', { class: 'hint' }, 'The collection’s own tab: its rows with a SKU and a URL but no status.')),
      h('p', { id: 'doc-summary', class: 'muted', 'aria-live': 'polite' }),
      h('p', { id: 'doc-error', class: 'error-box', role: 'alert', hidden: true }),
      h('div', { id: 'doc-reading', class: 'progress', hidden: true },
        h('progress', { id: 'doc-progress', max: '1', value: '0', 'aria-labelledby': 'doc-reading-text' }),
        h('p', { id: 'doc-reading-text', class: 'progress-text', 'aria-live': 'polite' }),
        h('div', { class: 'buttons' },
          h('button', { type: 'button', id: 'doc-stop', class: 'danger', onclick: () => stopReading() }, 'Stop reading'),
          h('button', { type: 'button', id: 'doc-read-on', hidden: true, onclick: () => readOn() }, 'Read on'))),
      h('div', { id: 'doc-found', class: 'stack', hidden: true },
        h('div', { class: 'table-wrap' }, h('table', { id: 'doc-mapping', class: 'preview mapping' },
          h('caption', {}, 'Columns found (change one with its select)'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Column'), h('th', { scope: 'col' }, 'Sure'))),
          h('tbody', { id: 'doc-mapping-rows' }))),
        h('div', { class: 'table-wrap' }, h('table', { id: 'doc-preview', class: 'preview' },
          h('caption', {}, 'First items, as they would be added'),
          h('thead', {}, h('tr', {}, ...['Row', 'Picture', 'SKU', 'Title', 'Cost', 'Price', 'Qty', 'Options', 'URL']
            .map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', { id: 'doc-preview-rows' }))),
        h('ul', { id: 'doc-problems', class: 'results', 'aria-label': 'Problems and rows that are not items' }),
        h('label', { class: 'stack' }, 'URL template for items without a link',
          h('input', { id: 'doc-template', type: 'text', inputmode: 'url', placeholder: 'https://supplier.example/p/{sku}', autocomplete: 'off' })),
        h('label', { class: 'check' }, h('input', { id: 'doc-update', type: 'checkbox' }), ' update existing SKUs'),
        h('label', { class: 'check' }, h('input', { id: 'doc-enrich', type: 'checkbox' }),
          ' enrich existing products: add only this document’s values to the products with the same SKU or style number'),
        h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'doc-import', class: 'primary', disabled: true, onclick: importDoc }, 'Import')),
        h('div', { id: 'doc-result', 'aria-live': 'polite' }))));
  subscribe(['collection'], () => {
    stopReading(true);
    file = null;
    show(null);
    fill('doc-summary');
    fill('doc-result');
  });
}

/** The batch panel's "Seconds per request" also bounds each request that reads a PDF. */
function budget() {
  const v = Number($('max-seconds') && $('max-seconds').value);
  return v > 0 ? `max_seconds=${Math.floor(v)}` : '';
}

async function upload(chosen) {
  if (!state.collection) return notify('Choose or create a collection first.', 'error');
  stopReading(true);
  file = chosen;
  const q = [`filename=${encodeURIComponent(chosen.name)}`, budget()].filter(Boolean).join('&');
  const answer = await read(() => call('POST', path(state.collection, `?${q}`), { body: chosen, contentType: chosen.type || 'application/octet-stream' }));
  $('doc-file').value = '';
  if (answer && !answer.done) await readOn();
}

async function fromSheet() {
  if (!state.collection) return notify('Choose a collection first.', 'error');
  stopReading(true);
  file = null;
  await read(() => call('POST', path(state.collection, '/sheet'), { json: {} }));
}

async function read(request) {
  const asked = ++reads;
  fill('doc-summary', 'Reading…');
  fill('doc-result');
  showError(null);
  try {
    const answer = await request();
    if (asked !== reads) return null; // another file was sent meanwhile
    changes = {};
    show(answer);
    return answer;
  } catch (e) {
    if (asked !== reads) return null;
    show(null);
    fill('doc-summary');
    showError(refusal(e));
    return null;
  }
}

/**
 * Sends the same file to the document's continue_url until it is read to its end, or the person stops: a stop lets
 * the request under way finish (the server keeps what it read), so reading on never meets it still reading.
 */
async function readOn() {
  if (!doc || doc.done || !file || (reading && reading.running)) return;
  const current = { controller: new AbortController(), stopped: false, running: true };
  reading = current;
  showReading();
  try {
    while (doc && !doc.done && !current.stopped) {
      const q = budget();
      const answer = await call('POST', `${doc.continue_url}${q ? `?${q}` : ''}`,
        { body: file, contentType: file.type || 'application/pdf', signal: current.controller.signal });
      if (reading !== current) return;
      show(answer);
    }
  } catch (e) {
    if (reading !== current || e.name === 'AbortError') return;
    current.stopped = true;
    showError(refusal(e));
  }
  current.running = false;
  showReading();
}

/** `abort`: the document is left (another file, another collection), so its answer is not waited for. */
function stopReading(abort = false) {
  if (!reading) return;
  reading.stopped = true;
  if (abort) {
    reading.controller.abort();
    reading = null;
  }
  showReading();
}

function showReading() {
  const box = $('doc-reading');
  box.hidden = !doc || doc.done;
  if (box.hidden) return;
  const going = !!reading && reading.running;
  const stopping = going && reading.stopped;
  $('doc-progress').max = doc.page_count || 1;
  $('doc-progress').value = doc.pages_read || 0;
  const pages = `${doc.pages_read} of ${doc.page_count} pages`;
  $('doc-reading-text').textContent = !going
    ? `Stopped after ${pages}. The items below are from the pages read; read on to import.`
    : stopping ? `Stopping after this request: ${pages} read…` : `Reading the PDF: ${pages} read…`;
  $('doc-stop').hidden = !going || stopping;
  $('doc-read-on').hidden = going || !file;
  box.dataset.state = !going ? 'stopped' : stopping ? 'stopping' : 'reading';
}

function show(answer) {
  doc = answer;
  $('doc-found').hidden = !doc;
  $('doc-import').disabled = !doc || !doc.done || doc.rows === 0;
  showReading();
  if (!doc) {
    fill('doc-mapping-rows');
    fill('doc-preview-rows');
    fill('doc-problems');
    return;
  }
  fill('doc-summary', summary(doc));
  fillAll(doc, !doc.done && !!reading && reading.running, remap);
}

/** A column corrected with its select: the preview is asked again with every correction so far. */
async function remap(field, column) {
  changes = { ...changes, [field]: column };
  const asked = ++remaps;
  const shown = doc;
  showError(null);
  try {
    const answer = await call('POST', path(state.collection, `/${doc.document_id}/preview`), { json: { mapping: changes } });
    if (asked === remaps && doc === shown) show(answer); // only the answer to the latest correction, of this document
  } catch (e) {
    if (asked === remaps) showError(refusal(e));
  }
}

function showError(text) {
  const el = $('doc-error');
  el.hidden = !text;
  el.textContent = text || '';
}

async function importDoc() {
  if (!doc) return;
  const body = { update_existing: $('doc-update').checked, enrich: $('doc-enrich').checked };
  if (Object.keys(changes).length) body.mapping = changes;
  const template = $('doc-template').value.trim();
  if (template) body.url_template = template;
  $('doc-import').disabled = true;
  showError(null);
  try {
    const r = await call('POST', path(state.collection, `/${doc.document_id}/import`), { json: body });
    fill('doc-result',
      h('p', { id: 'doc-imported', class: 'ok' }, `Imported: ${r.added} added, ${r.updated} updated, ${r.skipped_count} skipped.`),
      r.skipped.length ? h('ul', { class: 'results' }, r.skipped.slice(0, 100).map((s) => h('li', {}, `row ${s.row}: ${s.reason}`))) : null);
    notify(`Imported into ${state.collection}: ${r.added} added, ${r.updated} updated, ${r.skipped_count} skipped.`, 'ok');
    await Promise.all([loadCollections(), loadProducts({ offset: 0 })]);
  } catch (e) {
    showError(refusal(e));
  } finally {
    $('doc-import').disabled = !doc || !doc.done;
  }
}

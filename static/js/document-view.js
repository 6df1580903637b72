// What wipflow read from a supplier document, drawn as text: the columns found (each with a select to correct it),
// the first items as they would be added, the problems and the rows that are not items.

import { h, fill, safeUrl } from './dom.js';

/** The fields a column can be given to, after the ones the document's mapping already names. */
const FIELDS = ['sku', 'style', 'url', 'title', 'brand', 'cost', 'price', 'currency', 'quantity', 'gtin', 'mpn',
  'description', 'image', 'category', 'option:Color', 'option:Size', 'option:Finish', 'option:Material'];

const LABELS = { sku: 'SKU', url: 'URL', gtin: 'GTIN', mpn: 'MPN', cost: 'cost (what the supplier charges)', price: 'price (retail)' };
const label = (field) => LABELS[field] || field.replace(/^option:/, 'option: ');

/** The summary line of a document as read. */
export function summary(doc) {
  const where = doc.format === 'pdf' ? 'in the PDF' : `on sheet “${doc.sheet}”`;
  const sheets = doc.sheets && doc.sheets.length > 1 ? `; sheets: ${doc.sheets.join(', ')}` : '';
  return `${doc.filename ? `${doc.filename}: ` : ''}${doc.rows} item${doc.rows === 1 ? '' : 's'} ${where}`
    + ` (header on row ${doc.header_row}${sheets}), ${doc.problems_count} problem${doc.problems_count === 1 ? '' : 's'},`
    + ` ${doc.skipped_count} row${doc.skipped_count === 1 ? '' : 's'} not items.`;
}

/** One row per field: its column as a select ('' for none), how sure wipflow is and what it went by. */
export function mappingRows(doc, disabled, onChange) {
  const fields = [...new Set([...Object.keys(doc.mapping), ...FIELDS])];
  return fields.map((field) => {
    const found = doc.mapping[field];
    const select = h('select', {
      'aria-label': `Column for ${label(field)}`,
      disabled,
      onchange: (e) => onChange(field, e.target.value === '' ? null : Number(e.target.value)),
    },
    h('option', { value: '', selected: !found }, '— none —'),
    doc.headers.map((name, i) => h('option', { value: String(i), selected: !!found && found.column === i },
      `${i + 1}: ${name || '(no header)'}`)));
    return h('tr', { dataset: { field }, class: found ? 'found' : 'unmapped' },
      h('th', { scope: 'row' }, label(field)),
      h('td', {}, select),
      h('td', { class: 'sure' }, found ? `${Math.round(found.confidence * 100)}% by ${found.by}` : ''));
  });
}

const money = (v) => (v === undefined || v === null ? '' : String(v));
const options = (o) => (o ? Object.entries(o).map(([k, v]) => `${k}: ${v}`).join(', ') : '');

/** The first items as they would be added. */
export function previewRows(doc) {
  if (!doc.preview.length) return [h('tr', {}, h('td', { class: 'empty', colspan: 9 }, 'No items with this mapping.'))];
  return doc.preview.map((item) => {
    const f = item.fields || {};
    const picture = f.images && f.images.length ? safeUrl(f.images[0]) : null;
    return h('tr', { dataset: { sku: item.sku || '' } },
      h('td', { 'data-col': 'row' }, String(item.row)),
      h('td', { 'data-col': 'picture', class: 'thumb' }, picture ? h('img', { src: picture, alt: '', loading: 'lazy' }) : ''),
      h('td', { 'data-col': 'sku' }, item.sku || '–'),
      h('td', { 'data-col': 'title' }, f.title || ''),
      h('td', { 'data-col': 'cost' }, money(f.cost)),
      h('td', { 'data-col': 'price' }, money(f.price)),
      h('td', { 'data-col': 'quantity' }, money(f.quantity)),
      h('td', { 'data-col': 'options' }, options(f.options)),
      h('td', { 'data-col': 'url', class: 'url' }, item.url || '–'));
  });
}

/** Problems first, then the rows that are not items; each list says when it shows only the first ones. */
export function problemItems(doc) {
  const more = (shown, total, what) => (total > shown ? [h('li', { class: 'muted' }, `… and ${total - shown} more ${what}`)] : []);
  return [
    ...doc.problems.map((p) => h('li', { class: 'bad' }, p.message)),
    ...more(doc.problems.length, doc.problems_count, 'problems'),
    ...doc.skipped.map((s) => h('li', { class: 'muted' }, `row ${s.row}: ${s.reason}`)),
    ...more(doc.skipped.length, doc.skipped_count, 'rows not items'),
  ];
}

/** The server's refusal of a document or an import, in plain words with its own message. */
export function refusal(e) {
  const lead = {
    400: 'The file could not be read',
    404: 'That document is not there any more',
    409: 'Not now',
    413: 'The file is too large',
    415: 'wipflow cannot read this kind of file (send CSV, XLSX or PDF)',
    422: 'The file cannot be used as it is',
  }[e.status];
  return lead ? `${lead}: ${e.message}` : e.message;
}

export function fillAll(doc, disabled, onChange) {
  fill('doc-mapping-rows', mappingRows(doc, disabled, onChange));
  fill('doc-preview-rows', previewRows(doc));
  fill('doc-problems', problemItems(doc));
}

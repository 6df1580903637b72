// One product: status, step timeline from its events, fields with sources, descriptions
// (body_html only inside a sandboxed iframe), error with retry, reset, cancel, delete.

import { h, fill, $, safeUrl } from './dom.js';
import { state, update, subscribe, notify } from './state.js';
import { api } from './api.js';
import { openDetail, refreshAll } from './actions.js';
import { STEPS, when, valueText, duration, reviewReason, money } from './format.js';
import { errorText } from './batch.js';
import { EDITABLE, isEditing, startEditing, editorCell } from './editor.js';
import { variantsSection } from './variants.js';

export function mountDetail() {
  subscribe(['detail'], render);
}

/** Draws the product again; with focus, the open field editor gets the keyboard. */
function redraw(focus) {
  render();
  if (focus) {
    const input = document.querySelector('#detail .field-input');
    if (input) {
      input.focus();
      input.setSelectionRange?.(input.value.length, input.value.length);
    }
  }
}

function render() {
  const p = state.detail;
  const panel = $('detail');
  if (!p) {
    panel.hidden = true;
    fill(panel);
    return;
  }
  panel.hidden = false;
  panel.dataset.id = p.id;
  panel.dataset.status = p.status;
  const link = safeUrl(p.url);
  fill(
    panel,
    h(
      'div',
      { class: 'detail-head' },
      h('h2', { id: 'detail-title' }, 'Product ', h('span', { class: 'sku' }, p.sku)),
      h('button', { type: 'button', class: 'quiet', onclick: () => update({ detail: null }), 'aria-label': 'Close product' }, 'Close'),
    ),
    h(
      'dl',
      { class: 'facts' },
      fact('Status', h('span', { class: `badge s-${p.status}`, id: 'detail-status' }, p.status)),
      fact('URL', link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, p.url) : p.url),
      fact('Sheet row', p.row_num ?? '–'),
      fact('Last step', p.step || '–'),
      fact('Next step', p.next_step || '–'),
      fact('Attempts', p.attempts ?? 0),
      fact('Updated', when(p.updated_at)),
      p.completed_at ? fact('Completed', when(p.completed_at)) : null,
    ),
    p.error ? errorBox(p) : null,
    p.status === 'review' ? reviewBox(p) : null,
    actions(p),
    h('h3', {}, 'Steps'),
    timeline(p),
    warnings(p),
    fieldsTable(p),
    variantsSection(p),
    descriptions(p),
    eventLog(p),
  );
}

function fact(name, value) {
  return [h('dt', {}, name), h('dd', {}, value instanceof Node ? value : String(value))];
}

function errorBox(p) {
  return h(
    'div',
    { class: 'error-box', role: 'alert', id: 'detail-error' },
    h('strong', {}, `Failed at ${p.error.step || 'unknown step'}: `),
    h('span', { class: 'message' }, p.error.message || errorText(p.error)),
  );
}

/** Why the product waits for a person, and Approve to publish it as it is. */
function reviewBox(p) {
  const why = reviewReason(p);
  return h(
    'div',
    { class: 'review-box', id: 'detail-review' },
    h('strong', {}, 'Needs review: '),
    why ? `${why}. Correct it below, or approve the row as it is.` : 'check the fields below, then approve the row.',
    ' ',
    h('button', { type: 'button', class: 'primary', id: 'approve', onclick: (e) => approve(p, e.target) }, 'Approve'),
  );
}

async function approve(p, button) {
  button.disabled = true;
  try {
    await api.approve(state.collection, p.id);
    notify(`${p.sku} approved; its row is ready.`, 'ok');
  } catch (e) {
    button.disabled = false;
    notify(e.message, 'error');
  }
  await refreshAll();
}

function actions(p) {
  const from = h(
    'select',
    { id: 'reset-from', 'aria-label': 'Reset from step' },
    h('option', { value: '' }, 'from the start'),
    STEPS.map((s) => h('option', { value: s }, `from ${s}`)),
  );
  return h(
    'div',
    { class: 'buttons' },
    p.status === 'failed' || p.status === 'cancelled'
      ? h('button', { type: 'button', class: 'primary', id: 'retry', onclick: (e) => retry(p, e.target) }, 'Retry')
      : null,
    p.status === 'pending'
      ? h('button', { type: 'button', class: 'primary', id: 'process-now', onclick: (e) => processNow(p, e.target) }, 'Process now')
      : null,
    h('span', { class: 'group' }, h('button', { type: 'button', id: 'reset', onclick: () => reset(p, from.value) }, 'Reset'), ' ', from),
    p.status === 'processing' || p.status === 'pending'
      ? h('button', { type: 'button', onclick: () => act(() => api.cancel(p.collection || state.collection, p.id), 'Cancel requested.') }, 'Cancel')
      : null,
    h('button', { type: 'button', class: 'danger', onclick: () => remove(p) }, 'Delete'),
  );
}

async function act(fn, message) {
  try {
    await fn();
    if (message) notify(message, 'ok');
  } catch (e) {
    notify(e.message, 'error');
  }
  await refreshAll();
}

/** Process one product to the end, following done:false continuations. */
async function drive(p, button) {
  const col = state.collection;
  if (button) {
    button.disabled = true;
    button.textContent = 'Working…';
  }
  const timer = setInterval(() => openDetail(p.id, false), 1000);
  try {
    for (;;) {
      const answer = await api.processOne(col, { wip_id: p.id });
      if (!answer || answer.done !== false) {
        const ok = answer && answer.success !== false;
        notify(ok ? `${p.sku} is ${answer.status}.` : `${p.sku} failed: ${errorText(answer && answer.error)}`, ok ? 'ok' : 'error');
        break;
      }
      if (answer.retry_after) await new Promise((r) => setTimeout(r, answer.retry_after * 1000));
    }
  } catch (e) {
    notify(e.status === 409 ? `${p.sku} is being processed by another caller.` : e.message, 'error');
  } finally {
    clearInterval(timer);
  }
  await refreshAll();
}

/** Retry: back to pending from the failed step (earlier output kept), then process now. */
async function retry(p, button) {
  try {
    const from = p.error && STEPS.includes(p.error.step) ? p.error.step : undefined;
    await api.reset(state.collection, p.id, from);
  } catch (e) {
    return notify(e.message, 'error');
  }
  await drive(p, button);
}

function processNow(p, button) {
  return drive(p, button);
}

function reset(p, from) {
  return act(() => api.reset(state.collection, p.id, from || undefined), `${p.sku} is pending again${from ? ` from ${from}` : ''}.`);
}

async function remove(p) {
  if (!confirm(`Delete ${p.sku}? This cannot be undone.`)) return;
  try {
    await api.remove(state.collection, p.id);
    notify(`${p.sku} deleted.`, 'ok');
    update({ detail: null });
  } catch (e) {
    notify(e.message, 'error');
  }
  await refreshAll();
}

/** The five steps with their state and time, from the events. */
function timeline(p) {
  const events = p.events || [];
  const lastDone = STEPS.indexOf(p.step);
  return h(
    'ol',
    { class: 'timeline', 'aria-label': 'Pipeline steps' },
    STEPS.map((step, i) => {
      const mine = events.filter((e) => e.step === step);
      const last = mine.at(-1);
      let stateName = i <= lastDone ? 'finished' : 'waiting';
      if (last) stateName = last.state;
      if (p.error && p.error.step === step) stateName = 'failed';
      const started = [...mine].reverse().find((e) => e.state === 'started');
      const finished = [...mine].reverse().find((e) => e.state === 'finished');
      const ms = started && finished ? new Date(finished.at) - new Date(started.at) : null;
      return h(
        'li',
        { class: `step st-${stateName}`, dataset: { step, state: stateName } },
        h('span', { class: 'name' }, step),
        h('span', { class: 'state' }, stateName + (ms != null && ms >= 0 ? ` · ${ms < 1000 ? `${ms} ms` : duration(ms)}` : '')),
      );
    }),
  );
}

function warnings(p) {
  if (!p.warnings || !p.warnings.length) return null;
  return [h('h3', {}, 'Warnings'), h('ul', { class: 'warnings' }, p.warnings.map((w) => h('li', {}, valueText(w))))];
}

/** Shown in their own section (variants.js), not as a field. */
const NOT_FIELDS = new Set(['sources', 'variants', 'group']);

function fieldsTable(p) {
  const fields = p.fields || {};
  const sources = fields.sources || {};
  const present = Object.keys(fields).filter((k) => !NOT_FIELDS.has(k) && !isEmpty(fields[k]));
  const names = [...Object.keys(EDITABLE), ...present.filter((k) => !(k in EDITABLE))];
  const canEdit = p.status !== 'processing';
  const onSaved = () => drive(p, null);
  return [
    h('h3', {}, 'Fields'),
    present.length ? null : h('p', { class: 'muted' }, 'Nothing extracted yet.'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'fields', id: 'detail-fields' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Edit')))),
        h(
          'tbody',
          {},
          names.map((name) => {
            const editing = isEditing(p, name);
            const empty = isEmpty(fields[name]);
            const source = sources[name] || '';
            return h(
              'tr',
              { dataset: { field: name, source }, class: empty ? 'empty' : null },
              h('th', { scope: 'row' }, name.replace(/_/g, ' ')),
              h('td', {}, editing ? editorCell(p, name, { redraw, saved: onSaved }) : empty ? '–' : fieldValue(name, fields[name])),
              h('td', { class: `source${source === 'manual' || source === 'sheet' ? ' person' : ''}` }, source),
              h('td', {}, name in EDITABLE && canEdit && !editing
                ? h('button', { type: 'button', class: 'quiet edit', 'aria-label': `Edit ${name.replace(/_/g, ' ')}`, onclick: () => startEditing(p, name, redraw) }, 'Edit')
                : null),
            );
          }),
        ),
      ),
    ),
  ];
}

function isEmpty(value) {
  if (value == null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function fieldValue(name, value) {
  if (name === 'images' && Array.isArray(value)) {
    return h(
      'ul',
      { class: 'images' },
      value.map((src) => {
        const url = safeUrl(src);
        return h('li', {}, url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, h('img', { src: url, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer' }), h('span', { class: 'sr-only' }, src)) : String(src));
      }),
    );
  }
  if (AMOUNTS.has(name)) return money(value);
  return valueText(value);
}

const AMOUNTS = new Set(['price', 'compare_at_price', 'cost']);

function descriptions(p) {
  const d = p.descriptions;
  if (!d || (!d.body_html && !(d.features || []).length && !d.care_instructions)) return null;
  return [
    h('h3', {}, 'Descriptions'),
    d.body_html
      ? h('iframe', { class: 'body-preview', id: 'body-preview', title: `Description of ${p.sku}`, sandbox: '', srcdoc: previewDocument(d.body_html) })
      : null,
    d.features && d.features.length ? [h('h4', {}, 'Features'), h('ul', {}, d.features.map((f) => h('li', {}, valueText(f))))] : null,
    d.care_instructions ? [h('h4', {}, 'Care'), h('p', {}, valueText(d.care_instructions))] : null,
  ];
}

/** The page's own type and colours around the description, so the preview reads like the rest of the page. */
const PREVIEW_STYLE = 'body{margin:.75rem;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;background:#fff}'
  + 'h1,h2,h3,h4{line-height:1.2;margin:.75rem 0 .4rem;font-size:1rem}p{margin:0 0 .6rem}ul,ol{margin:0 0 .6rem;padding-left:1.25rem}'
  + 'table{border-collapse:collapse}td,th{border:1px solid #d9dee6;padding:.2rem .4rem;text-align:left}img{max-width:100%;height:auto}a{color:#1f5fbf}';

function previewDocument(bodyHtml) {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${PREVIEW_STYLE}</style></head><body>${bodyHtml}</body></html>`;
}

function eventLog(p) {
  const events = p.events || [];
  if (!events.length) return null;
  return h(
    'details',
    { class: 'events' },
    h('summary', {}, `Event log (${events.length})`),
    h(
      'ol',
      {},
      events.map((e) =>
        h('li', { class: `ev-${e.state}` }, h('time', {}, when(e.at)), ` ${e.step} ${e.state}`, e.percent != null ? ` ${e.percent}%` : '', e.message ? ` — ${e.message}` : '', e.job_id ? ` (job ${e.job_id})` : ''),
      ),
    ),
  );
}

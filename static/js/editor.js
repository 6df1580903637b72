// Correcting a product's fields in place: a person's value is saved with PATCH (source "manual") and is never
// overwritten by a later extraction. The draft survives the panel being redrawn while a batch runs.

import { h } from './dom.js';
import { notify } from './state.js';
import { api } from './api.js';
import { valueText } from './format.js';

/** The fields a person may set, in the order the editor shows them, and how each is typed. */
export const EDITABLE = {
  title: 'text',
  brand: 'text',
  price: 'number',
  compare_at_price: 'number',
  currency: 'text',
  availability: 'text',
  gtin: 'text',
  mpn: 'text',
  images: 'lines',
  description: 'long',
};

let editing = null; // {id, name, draft, error, busy}

export const isEditing = (p, name) => !!editing && editing.id === p.id && editing.name === name;

/** What the field shows as the editor's starting text. */
function textOf(name, value) {
  if (value == null) return '';
  if (EDITABLE[name] === 'lines') return (Array.isArray(value) ? value : [value]).join('\n');
  return valueText(value);
}

/**
 * The text typed, as the value sent (the server checks it and says what is wrong): an amount as written, with a
 * decimal comma read as a point; images one URL a line; nothing typed is no value.
 */
export function valueOf(name, text) {
  const t = text.trim();
  if (!t) return null;
  if (EDITABLE[name] === 'lines') return t.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  if (EDITABLE[name] === 'number' && /^[0-9]+,[0-9]{1,4}$/.test(t)) return t.replace(',', '.');
  return t;
}

export function startEditing(p, name, redraw) {
  editing = { id: p.id, name, draft: textOf(name, (p.fields || {})[name]), error: '', busy: false };
  redraw(true);
}

function stopEditing(redraw) {
  editing = null;
  redraw(false);
}

/** The editor of one field: an input (or a text area), Save and Cancel, and the server's refusal if any. */
export function editorCell(p, name, { redraw, saved }) {
  const kind = EDITABLE[name];
  const label = `New ${name.replace(/_/g, ' ')}`;
  const input = kind === 'long' || kind === 'lines'
    ? h('textarea', { rows: kind === 'lines' ? '3' : '5', class: 'field-input', 'aria-label': label, value: editing.draft })
    : h('input', { type: 'text', class: 'field-input', 'aria-label': label, value: editing.draft, inputmode: kind === 'number' ? 'decimal' : null });
  input.addEventListener('input', () => {
    editing.draft = input.value;
  });
  const form = h(
    'form',
    { class: 'field-editor', dataset: { editing: name } },
    input,
    kind === 'lines' ? h('small', { class: 'hint' }, 'One image URL a line; the first is the main picture.') : null,
    h('span', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary', disabled: editing.busy }, editing.busy ? 'Saving…' : 'Save'),
      h('button', { type: 'button', class: 'quiet', onclick: () => stopEditing(redraw) }, 'Cancel')),
    editing.error ? h('p', { class: 'field-error', role: 'alert' }, editing.error) : null,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await save(p, name, redraw, saved);
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') stopEditing(redraw);
  });
  return form;
}

async function save(p, name, redraw, saved) {
  if (!editing || editing.busy) return;
  editing.busy = true;
  editing.error = '';
  redraw(true);
  try {
    await api.edit(p.collection, p.id, { [name]: valueOf(name, editing.draft) });
    editing = null;
    notify(`${p.sku}: ${name.replace(/_/g, ' ')} saved; its sheet row is written again.`, 'ok');
    await saved();
  } catch (e) {
    if (!editing) return;
    editing.busy = false;
    editing.error = e.message;
    redraw(true);
  }
}

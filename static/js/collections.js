// The collections list with counts per status, and opening a new collection.

import { h, fill, $ } from './dom.js';
import { state, subscribe } from './state.js';
import { chooseCollection } from './actions.js';
import { STATUSES, statusLabel } from './format.js';

export function mountCollections() {
  subscribe(['collections', 'collection'], render);
  $('new-collection').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = $('new-collection-name');
    if (!input.checkValidity()) return input.reportValidity();
    chooseCollection(input.value.trim());
    input.value = '';
  });
}

function render() {
  const names = state.collections.map((c) => c.name);
  const list = [...state.collections];
  if (state.collection && !names.includes(state.collection)) {
    list.push({ name: state.collection, total: 0, counts: {} });
  }
  if (!list.length) {
    fill('collections', h('li', { class: 'muted' }, 'No collections yet. Open one and add products.'));
    return;
  }
  fill(
    'collections',
    list.map((c) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'collection',
            'aria-current': c.name === state.collection ? 'true' : null,
            onclick: () => chooseCollection(c.name),
          },
          h('span', { class: 'name' }, c.name),
          h('span', { class: 'count' }, String(c.total ?? 0)),
          h(
            'span',
            { class: 'mini' },
            STATUSES.filter((s) => c.counts && c.counts[s]).map((s) =>
              h('span', { class: `dot s-${s}`, title: statusLabel(s) }, `${c.counts[s]} ${statusLabel(s)}`),
            ),
          ),
        ),
      ),
    ),
  );
}

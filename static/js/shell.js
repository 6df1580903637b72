// The frame around the panels: health line, notices, and the API token dialog.

import { $ } from './dom.js';
import { state, subscribe } from './state.js';
import { token, onTokenNeeded } from './api.js';

export function mountShell() {
  subscribe(['health'], renderHealth);
  subscribe(['notice'], renderNotice);
  onTokenNeeded(() => askToken('This server needs an API token. It is kept in this browser only.'));
  $('token-button').addEventListener('click', async () => {
    const given = await askToken('Set the API token sent with every request (kept in this browser only).');
    if (given) location.reload();
  });
}

function renderHealth() {
  const hl = state.health;
  const el = $('health');
  if (!hl) return;
  if (hl.status !== 'ok') {
    el.textContent = `Server: ${hl.message || hl.status}`;
    el.dataset.state = 'bad';
    return;
  }
  const parts = Object.entries(hl.parts || {}).map(([k, v]) => `${k}: ${v}`).join(' · ');
  el.textContent = `Server ok${hl.version ? ` v${hl.version}` : ''}${parts ? ` · ${parts}` : ''}`;
  el.dataset.state = 'ok';
}

let hideTimer = null;
function renderNotice() {
  const n = state.notice;
  const el = $('notice');
  clearTimeout(hideTimer);
  if (!n) {
    el.hidden = true;
    return;
  }
  el.hidden = false;
  el.dataset.kind = n.kind;
  el.textContent = n.text;
  if (n.kind !== 'error') hideTimer = setTimeout(() => (el.hidden = true), 8000);
}

/** Resolves to the new token, or null when the dialog was cancelled. */
function askToken(reason) {
  const dialog = $('token-dialog');
  $('token-reason').textContent = reason;
  const input = $('token-input');
  input.value = token.get();
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        if (dialog.returnValue === 'save' && input.value.trim()) {
          token.set(input.value.trim());
          resolve(input.value.trim());
        } else {
          if (dialog.returnValue === 'clear') token.set('');
          resolve(null);
        }
      },
      { once: true },
    );
    dialog.showModal();
    input.focus();
  });
}

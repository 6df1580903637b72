// Job history with totals, and the CSV exports.

import { h, fill, $ } from './dom.js';
import { state, subscribe, notify } from './state.js';
import { api } from './api.js';
import { loadJobs } from './actions.js';
import { when, duration, valueText } from './format.js';

export function mountJobs() {
  subscribe(['jobs'], render);
  $('jobs-refresh').addEventListener('click', () => loadJobs());
  $('export-sheet').addEventListener('click', () => exportCsv('sheet'));
  $('export-shopify').addEventListener('click', () => exportCsv('shopify'));
  $('export-failed').addEventListener('click', () => exportCsv('failed'));
}

function render() {
  const { items, totals, error } = state.jobs;
  $('jobs-totals').textContent = error
    ? error
    : totals
      ? `Totals: ${Object.entries(totals).map(([k, v]) => `${k.replace(/_/g, ' ')} ${valueText(v)}`).join(' · ')}`
      : '';
  if (!items.length) {
    fill('job-rows', h('tr', {}, h('td', { colspan: '7', class: 'empty' }, 'No jobs yet.')));
    return;
  }
  fill(
    'job-rows',
    items.map((j) => {
      const took = j.started_at && j.completed_at ? new Date(j.completed_at) - new Date(j.started_at) : null;
      return h(
        'tr',
        { dataset: { job: j.job_id, status: j.status } },
        h('th', { scope: 'row', class: 'mono' }, String(j.job_id)),
        h('td', {}, h('span', { class: `badge j-${j.status}` }, j.status)),
        h('td', {}, `${j.processed_products ?? 0}/${j.total_products ?? 0}`),
        h('td', {}, String(j.successful_products ?? 0)),
        h('td', {}, String(j.failed_products ?? 0)),
        h('td', {}, when(j.started_at || j.created_at)),
        h('td', {}, took != null ? duration(took) : '–'),
      );
    }),
  );
}

async function exportCsv(format) {
  if (!state.collection) return notify('Choose a collection first.', 'error');
  try {
    const blob = await api.exportCsv(state.collection, format);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${state.collection}-${format}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    notify(e.message, 'error');
  }
}

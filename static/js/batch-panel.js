// The batch panel: starts a run with the chosen driver and shows its progress. The page drives a batch, so
// closing it pauses the work; on load the collection's unfinished job is found in the server's job records (in
// any browser) and offered with "Resume batch".

import { h, fill, $ } from './dom.js';
import { state, update, subscribe, notify } from './state.js';
import { api } from './api.js';
import { LoopRun } from './batch.js';
import { StreamRun } from './stream.js';
import { savedJob } from './run.js';
import { pendingProducts, productsWhere, refreshSoon, refreshAll, loadJobs, chooseCollection } from './actions.js';
import { duration } from './format.js';

let run = null;
let ticker = null;

export function mountBatchPanel() {
  subscribe(['batch'], renderProgress);
  subscribe(['collection', 'batch'], () => {
    $('batch-collection').textContent = state.collection ? `· ${state.collection}` : '';
    $('start').disabled = !state.collection || !!(run && run.active);
  });
  subscribe(['savedJob', 'collection'], renderSaved);
  subscribe(['collection'], () => findUnfinishedJob());
  $('driver').addEventListener('change', (e) => {
    $('concurrency').disabled = e.target.value === 'stream';
  });
  $('batch-form').addEventListener('submit', (e) => {
    e.preventDefault();
    startFromForm();
  });
  $('pause').addEventListener('click', () => run && run.pause());
  $('resume').addEventListener('click', () => run && run.resume());
  $('cancel').addEventListener('click', () => run && run.cancel());
}

function options() {
  const concurrency = Number($('concurrency').value);
  return {
    driver: $('driver').value,
    concurrency: Math.min(8, Math.max(1, Number.isFinite(concurrency) ? concurrency : 1)),
    fastMode: $('fast-mode').checked,
    maxSeconds: Number($('max-seconds').value) || null,
  };
}

export function batchActive() {
  return !!(run && run.active);
}

async function startFromForm() {
  if (run && run.active) return;
  const scope = document.querySelector('input[name="scope"]:checked').value;
  if ($('driver').value === 'claim' && scope === 'selected') {
    return notify('"Take the next waiting product" takes whatever is waiting; choose "all waiting" or another way to run.', 'error');
  }
  let products;
  try {
    products = scope === 'selected' ? selectedProducts() : await pendingProducts();
  } catch (e) {
    return notify(e.message, 'error');
  }
  if (!products.length) return notify(scope === 'selected' ? 'Tick products first.' : 'Nothing is waiting.', 'info');
  startBatch(products);
}

function selectedProducts() {
  const known = new Map(state.products.items.map((p) => [p.id, p.sku]));
  return [...state.selected].map((id) => ({ id, sku: known.get(id) || '' }));
}

/** Runs these products ({id, sku}) as a batch with the form's settings, recorded as a job. */
export async function startBatch(products) {
  if (run && run.active) return notify('A batch is running; wait for it or cancel it first.', 'error');
  const opts = options();
  $('concurrency').value = String(opts.concurrency);
  const ids = products.map((p) => p.id);
  let jobId = null;
  if (opts.driver !== 'claim') {
    try {
      jobId = (await api.createJob(state.collection, ids, opts.fastMode)).job_id || null;
    } catch (e) {
      if (e.status === 401) return notify(e.message, 'error');
      // The job record is a convenience; the batch runs without one.
    }
  }
  begin({ ...opts, collection: state.collection, ids, jobId, skus: products.map((p) => [p.id, p.sku]) });
}

function begin(options) {
  const Driver = options.driver === 'stream' ? StreamRun : LoopRun;
  run = new Driver({ ...options, claim: options.driver === 'claim' }, onChange);
  if (options.jobId) {
    savedJob.set({
      collection: options.collection,
      job_id: options.jobId,
      driver: options.driver,
      concurrency: options.concurrency,
      fast_mode: options.fastMode,
      max_seconds: options.maxSeconds,
      started_at: new Date().toISOString(),
    });
  }
  update({ savedJob: null, batch: run });
  clearInterval(ticker);
  ticker = setInterval(() => update({ batch: run }), 1000);
  run.start().then(() => {
    clearInterval(ticker);
    if (run.status === 'finished' || run.status === 'cancelled') savedJob.set(null);
    update({ batch: run });
    notify(summary(run), noticeKind(run));
    refreshAll();
    loadJobs();
  });
}

let lastSeen = '';
function onChange(r) {
  update({ batch: r });
  // The table follows the batch: a product finished, or one in flight moved to its next step.
  const now = `${r.processed + r.skipped}|${[...r.running.values()].map((p) => `${p.wipId}:${p.step}`).join(',')}`;
  if (now !== lastSeen) {
    lastSeen = now;
    refreshSoon();
  }
}

function noticeKind(r) {
  if (r.status !== 'finished') return 'error';
  return { ok: 'ok', mixed: 'warn', bad: 'error' }[r.outcome()];
}

function counts(r) {
  const parts = [`${r.succeeded} ready`];
  if (r.review) parts.push(`${r.review} need${r.review === 1 ? 's' : ''} review`);
  parts.push(`${r.failed} failed`);
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  return parts.join(', ');
}

function summary(r) {
  const head = { finished: 'Batch finished', cancelled: 'Batch cancelled', failed: 'Batch stopped' }[r.status] || 'Batch';
  const skipped = r.skipped ? ' (skipped: held by another caller or cancelled; see the results)' : '';
  const msg = r.message && r.status === 'failed' ? ` ${r.message}` : '';
  return `${head}: ${counts(r)}${skipped} in ${duration(r.elapsed())}.${msg}`;
}

const DRIVER_NAMES = { loop: 'several at once', claim: 'next waiting', stream: 'one connection' };

function renderProgress() {
  const r = state.batch;
  const box = $('progress');
  if (!r) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.dataset.status = r.status;
  box.dataset.outcome = r.outcome();
  const bar = $('progress-bar');
  bar.max = Math.max(1, r.total);
  bar.value = r.processed + r.skipped;
  const doing = { running: 'Running', paused: 'Paused', cancelling: 'Cancelling', cancelled: 'Cancelled', finished: 'Finished', failed: 'Stopped' }[r.status];
  const text = `${doing}: ${r.processed}/${r.total} processed, ${counts(r)}` + (r.message ? `. ${r.message}` : '');
  if ($('progress-text').textContent !== text) $('progress-text').textContent = text;
  const eta = r.eta();
  $('progress-times').textContent =
    `Elapsed ${duration(r.elapsed())}` +
    (r.active && eta != null ? ` · ETA ${duration(eta)}` : '') +
    ` · ${DRIVER_NAMES[r.driver] || r.driver}${r.driver === 'stream' ? '' : ` ×${r.concurrency}`}` +
    (r.maxSeconds ? ` · ${r.maxSeconds}s per request` : '') +
    (r.continuations ? ` · ${r.continuations} continuation${r.continuations === 1 ? '' : 's'}` : '') +
    (r.jobId ? ` · job ${r.jobId}` : '');
  fill(
    'running',
    [...r.running.values()].map((p) =>
      h('li', {}, h('span', { class: 'sku' }, p.sku || (p.wipId != null ? r.nameOf(p.wipId) : '…')), ' ', h('span', { class: 'step' }, p.step || '')),
    ),
  );
  const list = $('batch-results');
  if (list.children.length > r.results.length) fill(list);
  for (let i = list.children.length; i < r.results.length; i++) {
    const x = r.results[i];
    const label = x.skipped ? `skipped (${x.reason})` : x.status === 'review' ? `needs review after ${duration(x.ms)}`
      : x.ok ? `ready in ${duration(x.ms)}` : `failed: ${x.error}`;
    const cls = x.skipped ? 'muted' : x.status === 'review' ? 'warn' : x.ok ? 'ok' : 'bad';
    list.appendChild(h('li', { class: cls }, `${x.sku || r.nameOf(x.wip_id)} — ${label}`));
  }
  $('pause').disabled = r.status !== 'running';
  $('resume').disabled = r.status !== 'paused';
  $('cancel').disabled = !(r.status === 'running' || r.status === 'paused');
  $('start').disabled = r.active || !state.collection;
}

/** On load and on choosing a collection: its most recent unfinished job, from the server's records. */
export async function findUnfinishedJob() {
  const collection = state.collection;
  if (!collection || (run && run.active)) return;
  const local = savedJob.get();
  try {
    const found = [];
    for (const status of ['running', 'queued']) {
      const answer = await api.jobs(collection, 5, status);
      found.push(...(answer.jobs || []));
    }
    if (state.collection !== collection) return;
    found.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
    const job = found[0];
    if (!job) {
      if (local && local.collection === collection) savedJob.set(null);
      update({ savedJob: null });
      return;
    }
    const settings = local && local.job_id === job.job_id ? local : {};
    update({ savedJob: { ...settings, collection, job_id: job.job_id, job } });
  } catch (e) {
    if (e.status !== 404 && state.collection === collection) update({ savedJob: { collection, job: null, error: e.message } });
  }
}

function renderSaved() {
  const banner = $('resume-banner');
  const s = state.savedJob;
  if (!s || s.collection !== state.collection || (run && run.active)) {
    banner.hidden = true;
    return;
  }
  banner.hidden = false;
  const job = s.job;
  if (!job) {
    fill(banner, `Could not read this collection's batches: ${s.error || 'unknown error'}`, ' ', dismiss());
    return;
  }
  const done = job.processed_products ?? 0;
  const total = job.total_products ?? 0;
  fill(
    banner,
    h('strong', {}, 'Unfinished batch'),
    ` — job ${job.job_id} in ${job.collection}: ${done}/${total} processed, ${job.successful_products ?? 0} ready, ${job.failed_products ?? 0} failed. `,
    'It paused when the page that ran it was closed. ',
    h('progress', { max: String(Math.max(1, total)), value: String(done), 'aria-label': 'Progress of the unfinished batch' }),
    ' ',
    h('span', { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', id: 'resume-job', onclick: (e) => { e.target.disabled = true; continueJob(s); } }, 'Resume batch'),
      h('button', { type: 'button', class: 'danger', onclick: () => cancelJob(s) }, 'Cancel batch'),
      dismiss()),
  );
}

function dismiss() {
  return h('button', { type: 'button', class: 'quiet', onclick: () => update({ savedJob: null }) }, 'Not now');
}

async function cancelJob(saved) {
  if (!confirm(`Cancel the unfinished batch (job ${saved.job_id})? Its products stay as they are.`)) return;
  try {
    await api.cancelJob(saved.collection, saved.job_id);
    savedJob.set(null);
    update({ savedJob: null });
    notify('Batch cancelled.', 'ok');
    loadJobs();
  } catch (e) {
    notify(e.message, 'error');
  }
}

async function continueJob(saved) {
  let job;
  let names;
  try {
    job = (await api.job(saved.collection, saved.job_id)).job;
    names = await productsWhere({}, job.collection);
  } catch (e) {
    return notify(e.message, 'error');
  }
  const done = new Set((job.results || []).map((r) => r.wip_id));
  const ids = (job.wip_ids || []).filter((id) => !done.has(id));
  if (state.collection !== job.collection) chooseCollection(job.collection);
  const form = options();
  begin({
    driver: saved.driver === 'claim' ? 'loop' : saved.driver || form.driver,
    concurrency: saved.concurrency || form.concurrency,
    fastMode: saved.fast_mode ?? form.fastMode,
    maxSeconds: saved.max_seconds || form.maxSeconds,
    collection: job.collection,
    ids,
    total: job.total_products,
    done: job.processed_products,
    succeeded: job.successful_products,
    failed: job.failed_products,
    jobId: job.job_id,
    skus: names.map((p) => [p.id, p.sku]),
    waitHeld: true,
  });
}

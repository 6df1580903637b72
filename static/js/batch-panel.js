// The batch panel: starts a run with the chosen driver, shows its progress, and brings back an
// unfinished job after the tab was closed (job id in localStorage, the record from the server).

import { h, fill, $ } from './dom.js';
import { state, update, subscribe, notify } from './state.js';
import { api } from './api.js';
import { LoopRun } from './batch.js';
import { StreamRun } from './stream.js';
import { savedJob } from './run.js';
import { pendingIds, refreshSoon, refreshAll, loadJobs, chooseCollection } from './actions.js';
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

async function startFromForm() {
  if (run && run.active) return;
  const opts = options();
  $('concurrency').value = String(opts.concurrency);
  const scope = document.querySelector('input[name="scope"]:checked').value;
  let ids;
  try {
    ids = scope === 'selected' ? [...state.selected] : await pendingIds();
  } catch (e) {
    return notify(e.message, 'error');
  }
  if (opts.driver === 'claim' && scope === 'selected') {
    return notify('"Claim next" takes whatever is pending; choose "all pending" or another driver.', 'error');
  }
  if (!ids.length) return notify(scope === 'selected' ? 'Select products first.' : 'Nothing is pending.', 'info');
  let jobId = null;
  if (opts.driver !== 'claim') {
    try {
      jobId = (await api.createJob(state.collection, ids, opts.fastMode)).job_id || null;
    } catch (e) {
      if (e.status === 401) return notify(e.message, 'error');
      // The job record is a convenience; the batch runs without one.
    }
  }
  begin({ ...opts, collection: state.collection, ids, jobId });
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
    notify(summary(run), run.status === 'finished' ? (run.failed ? 'info' : 'ok') : 'error');
    refreshAll();
    loadJobs();
  });
}

let lastProcessed = -1;
function onChange(r) {
  update({ batch: r });
  if (r.processed + r.skipped !== lastProcessed) {
    lastProcessed = r.processed + r.skipped;
    refreshSoon();
  }
}

function summary(r) {
  const head = { finished: 'Batch finished', cancelled: 'Batch cancelled', failed: 'Batch stopped' }[r.status] || 'Batch';
  const skipped = r.skipped ? `, ${r.skipped} skipped (held by another caller or cancelled; see the results)` : '';
  const msg = r.message && r.status === 'failed' ? ` ${r.message}` : '';
  return `${head}: ${r.succeeded} ready, ${r.failed} failed${skipped} in ${duration(r.elapsed())}.${msg}`;
}

function renderProgress() {
  const r = state.batch;
  const box = $('progress');
  if (!r) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.dataset.status = r.status;
  const bar = $('progress-bar');
  bar.max = Math.max(1, r.total);
  bar.value = r.processed + r.skipped;
  const doing = { running: 'Running', paused: 'Paused', cancelling: 'Cancelling', cancelled: 'Cancelled', finished: 'Finished', failed: 'Stopped' }[r.status];
  const parts = [`${doing}: ${r.processed}/${r.total} processed`, `${r.succeeded} ready`, `${r.failed} failed`];
  if (r.skipped) parts.push(`${r.skipped} skipped`);
  const text = parts.join(', ') + (r.message ? `. ${r.message}` : '');
  if ($('progress-text').textContent !== text) $('progress-text').textContent = text;
  const eta = r.eta();
  $('progress-times').textContent =
    `Elapsed ${duration(r.elapsed())}` +
    (r.active && eta != null ? ` · ETA ${duration(eta)}` : '') +
    ` · ${r.driver}${r.driver === 'stream' ? '' : ` ×${r.concurrency}`}` +
    (r.continuations ? ` · ${r.continuations} continuation${r.continuations === 1 ? '' : 's'}` : '') +
    (r.jobId ? ` · job ${r.jobId}` : '');
  fill(
    'running',
    [...r.running.values()].map((p) =>
      h('li', {}, h('span', { class: 'sku' }, p.sku || (p.wipId != null ? `#${p.wipId}` : '…')), ' ', h('span', { class: 'step' }, p.step || '')),
    ),
  );
  const list = $('batch-results');
  for (let i = list.children.length; i < r.results.length; i++) {
    const x = r.results[i];
    const label = x.skipped ? `skipped (${x.reason})` : x.ok ? `ready in ${duration(x.ms)}` : `failed: ${x.error}`;
    list.appendChild(h('li', { class: x.skipped ? 'muted' : x.ok ? 'ok' : 'bad' }, `${x.sku || `#${x.wip_id}`} — ${label}`));
  }
  if (list.children.length > r.results.length) fill(list);
  $('pause').disabled = r.status !== 'running';
  $('resume').disabled = r.status !== 'paused';
  $('cancel').disabled = !(r.status === 'running' || r.status === 'paused');
  $('start').disabled = r.active || !state.collection;
}

/** After a reload: read the saved job from the server and offer to continue it. */
export async function restoreSavedJob() {
  const saved = savedJob.get();
  if (!saved) return;
  try {
    const { job } = await api.job(saved.collection, saved.job_id);
    update({ savedJob: { ...saved, job } });
  } catch (e) {
    if (e.status === 404) savedJob.set(null);
    else update({ savedJob: { ...saved, job: null, error: e.message } });
  }
}

function renderSaved() {
  const banner = $('resume-banner');
  const s = state.savedJob;
  if (!s || (run && run.active)) {
    banner.hidden = true;
    return;
  }
  banner.hidden = false;
  const job = s.job;
  if (!job) {
    fill(banner, `Could not read job ${s.job_id}: ${s.error || 'unknown error'}`, ' ', dismiss());
    return;
  }
  const unfinished = job.status === 'queued' || job.status === 'running';
  const counts = `${job.processed_products}/${job.total_products} processed, ${job.successful_products} ready, ${job.failed_products} failed`;
  fill(
    banner,
    h('strong', {}, unfinished ? 'Unfinished batch' : `Last batch ${job.status}`),
    ` — job ${job.job_id} in ${job.collection}: ${counts}. `,
    unfinished ? h('button', { type: 'button', class: 'primary', onclick: () => continueJob(s) }, 'Continue batch') : null,
    ' ',
    dismiss(),
  );
}

function dismiss() {
  return h('button', { type: 'button', class: 'quiet', onclick: () => { savedJob.set(null); update({ savedJob: null }); } }, 'Dismiss');
}

async function continueJob(saved) {
  const { job } = await api.job(saved.collection, saved.job_id);
  const done = new Set((job.results || []).map((r) => r.wip_id));
  const ids = (job.wip_ids || []).filter((id) => !done.has(id));
  if (state.collection !== job.collection) chooseCollection(job.collection);
  begin({
    driver: saved.driver === 'claim' ? 'loop' : saved.driver || 'loop',
    concurrency: saved.concurrency || 2,
    fastMode: !!saved.fast_mode,
    maxSeconds: saved.max_seconds || null,
    collection: job.collection,
    ids,
    total: job.total_products,
    done: job.processed_products,
    succeeded: job.successful_products,
    failed: job.failed_products,
    jobId: job.job_id,
  });
}

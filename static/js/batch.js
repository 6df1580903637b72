// The batch driver: parallel callers loop process-one over a shared queue of wip ids, or claim the
// next pending product without an id. The server's leases keep the callers apart.

import { api } from './api.js';
import { Run } from './run.js';

export class LoopRun extends Run {
  /** options.ids: the queue; options.claim: call process-one without wip_id until 204. */
  constructor(options, onChange) {
    super({ ...options, driver: options.claim ? 'claim' : 'loop' }, onChange);
    this.queue = [...(options.ids || [])];
    this.claim = !!options.claim;
    this.exhausted = false;
    this.controllers = new Set();
    this.pollTimer = null;
    this.waitHeld = !!options.waitHeld;
    this.heldTries = new Map();
  }

  start() {
    const workers = [];
    for (let i = 0; i < this.concurrency; i++) workers.push(this.worker(i));
    this.pollTimer = setInterval(() => this.pollSteps(), 1000);
    this.changed();
    return Promise.all(workers).then(() => {
      clearInterval(this.pollTimer);
      if (this.status === 'cancelling') this.finish('cancelled', 'Cancelled.');
      else if (this.status === 'failed') this.finish('failed');
      else this.finish('finished');
    });
  }

  async worker(n) {
    while (await this.gate()) {
      let id = null;
      if (!this.claim) {
        id = this.queue.shift();
        if (id === undefined) return;
      } else if (this.exhausted) return;
      await this.runOne(id, n);
    }
  }

  /** One product, following done:false continuations until it is done (or the run stops). */
  async runOne(id, n) {
    const started = performance.now();
    const key = id ?? `caller-${n}`;
    let wipId = id;
    this.running.set(key, { wipId, sku: id == null ? '' : this.nameOf(id), step: id == null ? 'claiming next…' : 'starting…', since: started });
    this.changed();
    try {
      for (;;) {
        const body = { fast_mode: this.fastMode };
        if (wipId != null) body.wip_id = wipId;
        if (this.jobId) body.job_id = this.jobId;
        if (this.maxSeconds) body.max_seconds = this.maxSeconds;
        let answer;
        const controller = new AbortController();
        this.controllers.add(controller);
        try {
          answer = await api.processOne(this.collection, body, controller.signal);
        } finally {
          this.controllers.delete(controller);
        }
        if (answer === null) {
          // 204: nothing pending (claim mode), or this product was no longer pending
          if (this.claim) this.exhausted = true;
          else this.record({ wip_id: wipId, skipped: true, reason: 'nothing to do' });
          return;
        }
        if (wipId == null) {
          wipId = answer.wip_id;
          this.running.delete(key);
        }
        this.running.set(wipId, { wipId, sku: this.nameOf(wipId, answer.sku), step: answer.next_step ? `${answer.next_step} next` : '', since: started });
        if (answer.done === false) {
          this.continuations++;
          this.changed();
          if (answer.retry_after) await this.sleep(Number(answer.retry_after) * 1000);
          if (!(await this.gate())) return;
          continue;
        }
        const ok = answer.success !== false && answer.status !== 'failed';
        const error = answer.error ? errorText(answer.error) : ok ? '' : `status ${answer.status}`;
        this.record({ wip_id: wipId, sku: this.nameOf(wipId, answer.sku), ok, error, ms: performance.now() - started, status: answer.status });
        if (this.claim && this.total < this.processed + this.skipped) this.total = this.processed + this.skipped;
        return;
      }
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e.status === 409 && this.waitHeld && id != null && /being processed/.test(e.message || '')) {
        // A product a closed tab left processing: taken again once its lease has run out.
        await this.waitForLease(id);
        if (this.status === 'running') this.queue.push(id);
      } else if (e.status === 409) {
        this.record({ wip_id: wipId, sku: this.nameOf(wipId), skipped: true, reason: e.message || 'held by another caller' });
      } else if (e.status === 401) {
        if (id != null) this.queue.unshift(id);
        this.fail(e.message);
      } else {
        this.record({ wip_id: wipId, sku: this.nameOf(wipId), ok: false, error: e.message, ms: performance.now() - started });
      }
    } finally {
      this.running.delete(key);
      if (wipId != null) this.running.delete(wipId);
      this.changed();
    }
  }

  /**
   * Waits (cancellably) before asking again for a product another request holds: a little longer each time, and
   * never past the end of its lease as the server reports it.
   */
  async waitForLease(id) {
    const tries = (this.heldTries.get(id) || 0) + 1;
    this.heldTries.set(id, tries);
    let ms = Math.min(1000 * 2 ** tries, 30_000);
    try {
      const { item } = await api.product(this.collection, id);
      if (item.lease_until) ms = Math.max(1000, Math.min(ms, new Date(item.lease_until).getTime() - Date.now() + 500));
    } catch {
      /* ask again after the usual wait */
    }
    this.running.set(id, { wipId: id, sku: this.nameOf(id), step: `held by another request; asking again in ${Math.round(ms / 1000)}s` });
    this.changed();
    await this.sleep(ms);
  }

  fail(message) {
    if (this.status === 'failed') return;
    this.status = 'failed';
    this.message = message;
    this.stopWaiting();
    this.changed();
  }

  /** Cancel: take no more products, ask the server to stop the ones in flight between steps. */
  cancel() {
    if (!this.active) return;
    this.status = 'cancelling';
    this.queue.length = 0;
    this.stopWaiting();
    for (const { wipId } of this.running.values()) {
      if (wipId != null) api.cancel(this.collection, wipId).catch(() => {});
    }
    if (this.jobId) api.cancelJob(this.collection, this.jobId).catch(() => {});
    this.changed();
  }

  /** The current step of each running product, read from its events. */
  async pollSteps() {
    const ids = [...this.running.values()].map((r) => r.wipId).filter((v) => v != null);
    await Promise.all(
      ids.map(async (id) => {
        try {
          const { item } = await api.product(this.collection, id);
          const last = (item.events || []).at(-1);
          const entry = this.running.get(id);
          if (!entry) return;
          entry.sku = this.nameOf(id, item.sku);
          if (last) entry.step = `${last.step} ${last.state}${last.percent != null ? ` ${last.percent}%` : ''}`;
        } catch {
          /* a missed poll only delays the step name */
        }
      }),
    );
    if (ids.length) this.changed();
  }
}

export function errorText(error) {
  if (!error) return '';
  if (typeof error === 'string') return error;
  return error.step ? `${error.step}: ${error.message}` : error.message || JSON.stringify(error);
}

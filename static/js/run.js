// What every batch driver shares: counters, timing, the ETA, pause gating and the saved job id.

const JOB_KEY = 'wipflow.job';

export const savedJob = {
  get() {
    try {
      return JSON.parse(localStorage.getItem(JOB_KEY) || 'null');
    } catch {
      return null;
    }
  },
  set: (value) => (value ? localStorage.setItem(JOB_KEY, JSON.stringify(value)) : localStorage.removeItem(JOB_KEY)),
};

export class Run {
  /** options: {collection, ids, total, concurrency, fastMode, jobId, driver, done (already processed)} */
  constructor(options, onChange) {
    this.collection = options.collection;
    this.concurrency = Math.min(8, Math.max(1, Number(options.concurrency) || 1));
    this.fastMode = !!options.fastMode;
    this.maxSeconds = options.maxSeconds || null;
    this.continuations = 0;
    this.jobId = options.jobId || null;
    this.driver = options.driver;
    this.total = options.total ?? options.ids.length;
    this.processed = options.done || 0;
    this.succeeded = options.succeeded || 0;
    this.failed = options.failed || 0;
    this.review = options.review || 0;
    this.skipped = 0;
    this.skus = new Map(options.skus || []); // wip_id -> sku, so the page names products by SKU
    this.running = new Map(); // wip_id or worker key -> {wipId, sku, step, since}
    this.results = [];
    this.durations = [];
    this.status = 'running';
    this.message = '';
    this.startedAt = Date.now();
    this.pausedAt = null;
    this.pausedMs = 0;
    this.finishedAt = null;
    this.onChange = onChange;
    this.resumeWaiters = [];
    this.sleepers = [];
  }

  changed() {
    this.onChange(this);
  }

  get active() {
    return this.status === 'running' || this.status === 'paused' || this.status === 'cancelling';
  }

  elapsed() {
    const end = this.finishedAt || Date.now();
    const paused = this.pausedMs + (this.pausedAt ? end - this.pausedAt : 0);
    return end - this.startedAt - paused;
  }

  remaining() {
    return Math.max(0, this.total - this.processed - this.skipped);
  }

  /** The SKU of a product when the page knows it, else its id. */
  nameOf(wipId, sku) {
    if (sku) {
      this.skus.set(wipId, sku);
      return sku;
    }
    return this.skus.get(wipId) || (wipId != null ? `#${wipId}` : '');
  }

  /**
   * ETA from the measured durations of finished products: what is left of each product in flight (at least a
   * second, also when it runs longer than the average) plus the waiting ones, spread over the parallel callers.
   */
  eta() {
    if (!this.durations.length || !this.active) return null;
    const avg = this.durations.reduce((a, b) => a + b, 0) / this.durations.length;
    const now = performance.now();
    const flying = [...this.running.values()].filter((r) => r.since != null);
    const inFlight = flying.map((r) => Math.max(avg - (now - r.since), 1000));
    const waiting = Math.max(0, this.remaining() - flying.length);
    if (!inFlight.length && !waiting) return 0;
    const work = inFlight.reduce((a, b) => a + b, 0) + waiting * avg;
    const lanes = Math.max(1, Math.min(this.concurrency, inFlight.length + waiting));
    return Math.max(work / lanes, ...inFlight);
  }

  /** How the batch went: 'ok' (every product ready), 'mixed' (some failed or need review) or 'bad' (none ready). */
  outcome() {
    if (this.processed === 0) return this.status === 'failed' || this.status === 'cancelled' ? 'bad' : 'ok';
    if (this.succeeded === 0 && this.review === 0) return 'bad';
    return this.failed || this.review ? 'mixed' : 'ok';
  }

  record(result) {
    this.results.push(result);
    if (result.skipped) this.skipped++;
    else {
      this.processed++;
      if (result.status === 'review') this.review++;
      else if (result.ok) this.succeeded++;
      else this.failed++;
      if (result.ms != null) this.durations.push(result.ms);
    }
    this.changed();
  }

  pause() {
    if (this.status !== 'running') return;
    this.status = 'paused';
    this.pausedAt = Date.now();
    this.changed();
  }

  resume() {
    if (this.status !== 'paused') return;
    this.pausedMs += Date.now() - this.pausedAt;
    this.pausedAt = null;
    this.status = 'running';
    this.resumeWaiters.splice(0).forEach((fn) => fn());
    this.changed();
  }

  /** Resolves when the run may go on: true to continue, false when cancelled or stopped. */
  async gate() {
    while (this.status === 'paused') await new Promise((r) => this.resumeWaiters.push(r));
    return this.status === 'running';
  }

  /** A sleep that ends early on cancel. */
  sleep(ms) {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.sleepers.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  stopWaiting() {
    this.resumeWaiters.splice(0).forEach((fn) => fn());
    this.sleepers.splice(0).forEach((fn) => fn());
  }

  finish(status = 'finished', message = '') {
    if (this.pausedAt) {
      this.pausedMs += Date.now() - this.pausedAt;
      this.pausedAt = null;
    }
    this.status = status;
    if (message) this.message = message;
    this.finishedAt = Date.now();
    this.running.clear();
    this.changed();
  }
}

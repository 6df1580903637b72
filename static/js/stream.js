// The other driver: one SSE stream (process-stream) walks the products one after another.
// On a dropped connection it reconnects with only the products not finished yet.

import { api, token } from './api.js';
import { Run } from './run.js';
import { errorText } from './batch.js';

const MAX_RECONNECTS = 20;

export class StreamRun extends Run {
  constructor(options, onChange) {
    super({ ...options, concurrency: 1, driver: 'stream' }, onChange);
    this.ids = [...options.ids];
    this.finishedIds = new Set();
    this.started = new Map();
    this.reconnects = 0;
    this.source = null;
    this.abort = null;
    this.settled = null;
  }

  start() {
    return new Promise((resolve) => {
      this.settled = resolve;
      this.open();
    });
  }

  pending() {
    return this.ids.filter((id) => !this.finishedIds.has(id));
  }

  open() {
    const ids = this.pending();
    if (!ids.length) return this.end('finished');
    const url = api.streamUrl(this.collection, ids, { fastMode: this.fastMode, jobId: this.jobId, maxSeconds: this.maxSeconds });
    // A finished product is the stream's unnamed event ('message'); steps, skips, a product left part-way and
    // the end ('done', or 'pause' when the stream's budget is spent) are named.
    const handlers = {
      step: (d) => this.onStep(d),
      message: (d) => this.onProduct(d),
      progress: (d) => this.onProgress(d),
      skipped: (d) => this.onSkipped(d),
      pause: () => this.onPause(),
      done: () => this.end('finished'),
    };
    if (token.get()) this.openFetch(url, handlers);
    else this.openEventSource(url, handlers);
    this.changed();
  }

  /** EventSource cannot send an Authorization header, so it is used when no token is set. */
  openEventSource(url, handlers) {
    const es = new EventSource(url);
    this.source = es;
    for (const [name, fn] of Object.entries(handlers)) {
      es.addEventListener(name, (e) => {
        this.reconnects = 0;
        fn(parse(e.data));
      });
    }
    es.onerror = () => {
      // Never let the browser replay the old id list: close and reopen with what is left.
      es.close();
      this.dropped();
    };
  }

  async openFetch(url, handlers) {
    const controller = new AbortController();
    this.abort = controller;
    try {
      const res = await api.openStream(url, controller.signal);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const frame = buffer.slice(0, cut);
          buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
          let event = 'message';
          const data = [];
          for (const line of frame.split(/\r?\n/)) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (handlers[event] && data.length) {
            this.reconnects = 0;
            handlers[event](parse(data.join('\n')));
          }
        }
      }
      if (this.active && this.status !== 'paused') this.dropped();
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e.status === 401) return this.end('failed', e.message);
      this.dropped();
    }
  }

  close() {
    if (this.source) this.source.close();
    if (this.abort) this.abort.abort();
    this.source = null;
    this.abort = null;
  }

  dropped() {
    this.close();
    if (this.status !== 'running') return;
    if (++this.reconnects > MAX_RECONNECTS) return this.end('failed', 'The stream kept dropping; gave up.');
    this.message = `Connection lost, reconnecting (${this.reconnects})…`;
    this.changed();
    setTimeout(() => {
      if (this.status === 'running') this.open();
    }, Math.min(1000 * this.reconnects, 5000));
  }

  onStep(d) {
    if (this.finishedIds.has(d.wip_id)) return;
    if (!this.started.has(d.wip_id)) this.started.set(d.wip_id, performance.now());
    this.running.clear();
    this.running.set(d.wip_id, { wipId: d.wip_id, sku: this.nameOf(d.wip_id, d.sku), step: `${d.step} ${d.state}`, since: this.started.get(d.wip_id) });
    this.message = '';
    this.changed();
  }

  onProduct(d) {
    if (d.done === false || this.finishedIds.has(d.wip_id)) return;
    this.finishedIds.add(d.wip_id);
    this.running.delete(d.wip_id);
    const t0 = this.started.get(d.wip_id);
    const ms = t0 != null ? performance.now() - t0 : d.duration != null ? d.duration * 1000 : null;
    const ok = d.success !== false && d.status !== 'failed';
    this.record({ wip_id: d.wip_id, sku: this.nameOf(d.wip_id, d.sku), ok, error: errorText(d.error), ms, status: d.status });
  }

  /** A product left part-way because the stream's budget ran out; it goes on in the next stream. */
  onProgress(d) {
    if (d.sku) this.nameOf(d.wip_id, d.sku);
    const entry = this.running.get(d.wip_id);
    if (entry && d.next_step) entry.step = `${d.next_step} next`;
    this.changed();
  }

  onSkipped(d) {
    if (this.finishedIds.has(d.wip_id)) return;
    this.finishedIds.add(d.wip_id);
    this.running.delete(d.wip_id);
    this.record({ wip_id: d.wip_id, sku: this.nameOf(d.wip_id), skipped: true, reason: d.reason || 'skipped' });
  }

  /** The stream used its seconds: open the next one with what is left, as a continuation. */
  onPause() {
    this.close();
    if (this.status !== 'running') return;
    this.continuations++;
    this.reconnects = 0;
    this.open();
  }

  end(status, message) {
    this.close();
    if (!this.active && this.finishedAt) return;
    this.finish(status, message);
    if (this.settled) this.settled();
  }

  pause() {
    if (this.status !== 'running') return;
    super.pause();
    this.close();
  }

  resume() {
    if (this.status !== 'paused') return;
    super.resume();
    this.open();
  }

  cancel() {
    if (!this.active) return;
    this.close();
    if (this.jobId) api.cancelJob(this.collection, this.jobId).catch(() => {});
    this.end('cancelled', 'Cancelled.');
  }
}

function parse(data) {
  try {
    return JSON.parse(data);
  } catch {
    return {};
  }
}

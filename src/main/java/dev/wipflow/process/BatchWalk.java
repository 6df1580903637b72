package dev.wipflow.process;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wipflow.json.Json;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.Job;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.WipProduct;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stream's walk over its products: the given ids, a job's products (in the job's order, its failed ones
 * retried once), or every waiting one. Each finished product is an unnamed event (what a plain
 * {@code EventSource.onmessage} hears) carrying the {@code process-one} answer and the stream's running totals;
 * steps, skips, a product left part-way ({@code progress}) and the end ({@code done} or {@code pause}) are named
 * events. Its budget is honoured between products and between steps: a step that does not fit is not started,
 * and a step the deadline cuts short stays to do, so the stream pauses and a reconnect goes on.
 */
final class BatchWalk {
    private final Processor processor;
    private final WipStore wips;
    private final BatchRequest req;
    private final BatchEvents out;
    private final Clock clock;
    private final Instant deadline;
    private final int total;
    private long lastId;
    private boolean workedOn;
    private int processed;
    private int succeeded;
    private int failed;
    private int skipped;

    BatchWalk(Processor processor, WipStore wips, Batches.Batch batch, BatchEvents out, Clock clock) {
        this.processor = processor;
        this.wips = wips;
        this.req = batch.req();
        this.out = out;
        this.clock = clock;
        this.total = batch.total();
        // The budget is measured on the same clock as the run's deadline (see RunContext).
        this.deadline = req.maxSeconds() == null ? null : clock.instant().plusSeconds(req.maxSeconds());
        Job job = batch.job();
        if (job != null && req.ids() == null) {
            // A job's stream counts the job's own totals, so a reconnect goes on from where they stand.
            processed = job.processedProducts();
            succeeded = job.successfulProducts();
            failed = job.failedProducts();
        }
    }

    void run() {
        boolean complete = req.ids() == null ? walkNext() : walkIds(req.ids());
        if (out.open()) {
            Map<String, Object> end = totals();
            end.put("skipped", skipped);
            end.put("complete", complete);
            out.send(complete ? "done" : "pause", id(), end);
        }
    }

    private boolean walkIds(List<Long> ids) {
        for (long id : ids) {
            if (!out.open()) return false;
            Optional<WipProduct> p = wips.get(req.collection(), id);
            if (p.isEmpty() || p.get().status() == Status.READY || p.get().status() == Status.REVIEW || p.get().status() == Status.FAILED
                    || p.get().status() == Status.CANCELLED) {
                skip(id, p.map(x -> x.status().id()).orElse("missing"));
                continue;
            }
            if (!processUntilDone(id)) return false;
        }
        return true;
    }

    /** The next waiting product (of the job, when the stream is a job's) until none is left. */
    private boolean walkNext() {
        while (out.open()) {
            Optional<ProcessResult> r = once(null);
            if (r.isEmpty()) return true;
            if (!r.get().done() && !(goOn(r.get()) && processUntilDone(r.get().wipId()))) return false;
        }
        return false;
    }

    /** Processes one product to its end, calling again after {@code done: false}; false when time ran out. */
    private boolean processUntilDone(long id) {
        while (true) {
            Optional<ProcessResult> r;
            try {
                r = once(id);
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.CONFLICT) throw e;
                skip(id, "held by another request");
                return true;
            }
            if (r.isEmpty() || r.get().done()) return true;
            if (!goOn(r.get())) return false;
        }
    }

    /**
     * After a product was left part-way: true to go on with it (a quota wait that fits was waited out); false when
     * the stream's budget is spent, and the step that did not fit, or was cut, is for the next call.
     */
    private boolean goOn(ProcessResult r) {
        if (!out.open() || outOfTime()) return false;
        if (r.retryAfter() == null) return deadline == null;
        long wait = (long) (r.retryAfter() * 1000);
        if (deadline != null && clock.instant().plusMillis(wait).isAfter(deadline)) return false;
        pause(wait);
        return out.open();
    }

    private Optional<ProcessResult> once(Long id) {
        ProcessRequest one = ProcessRequest.of(id).fastMode(req.fastMode()).jobId(req.jobId())
                .maxSeconds(req.maxSeconds()).deadline(deadline).firstInRequest(!workedOn);
        Optional<ProcessResult> r = processor.processOne(req.collection(), one, out::beat, e -> {
            lastId = Math.max(lastId, e.id());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("wip_id", e.wipId());
            data.put("step", e.step());
            data.put("state", e.state());
            data.put("message", e.message());
            data.put("percent", e.percent());
            out.send("step", id(), data);
        });
        r.ifPresent(this::report);
        return r;
    }

    /** A product left part-way is a {@code progress} event; a finished one counts and is an unnamed event. */
    private void report(ProcessResult res) {
        if (!res.steps().isEmpty()) workedOn = true;
        if (!res.done()) {
            out.send("progress", id(), res);
            return;
        }
        processed++;
        if (res.success()) succeeded++;
        else failed++;
        Map<String, Object> data = Json.MAPPER.convertValue(res, new TypeReference<LinkedHashMap<String, Object>>() { });
        data.putAll(totals());
        out.sendMessage(id(), data);
    }

    private Map<String, Object> totals() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processed", processed);
        m.put("successful", succeeded);
        m.put("succeeded", succeeded);
        m.put("failed", failed);
        m.put("total", total);
        return m;
    }

    private void skip(long id, String why) {
        skipped++;
        out.send("skipped", id(), Map.of("wip_id", id, "reason", why));
    }

    /** True when less than a second of the stream's budget is left: too little to start on a product. */
    private boolean outOfTime() {
        return deadline != null && clock.instant().plusSeconds(1).isAfter(deadline);
    }

    /**
     * Waits on the request's own thread for a quota, keeping the stream alive. A wait is a span of elapsed time,
     * not a time of day, so it is measured with {@link System#nanoTime()}.
     */
    private void pause(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        try {
            for (long left = ms; left > 0 && out.open(); left = (end - System.nanoTime()) / 1_000_000) {
                Thread.sleep(Math.min(1000, left));
                out.beat();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String id() {
        return String.valueOf(lastId);
    }
}

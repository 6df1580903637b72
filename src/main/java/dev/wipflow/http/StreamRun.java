package dev.wipflow.http;

import dev.wipflow.pipeline.ProcessRequest;
import dev.wipflow.pipeline.ProcessResult;
import dev.wipflow.pipeline.Processor;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.WipProduct;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One SSE stream's walk over its products; ends early (event {@code pause}) when its time budget is spent. */
final class StreamRun {
    private final Processor processor;
    private final WipStore wips;
    private final String collection;
    private final List<Long> ids;
    private final String jobId;
    private final boolean fast;
    private final Integer maxSeconds;
    private final SseStream sse;
    private final Instant deadline;
    private long lastId;
    private int processed, succeeded, failed, skipped;

    StreamRun(Processor processor, WipStore wips, String collection, List<Long> ids, String jobId, boolean fast,
              Integer maxSeconds, SseStream sse) {
        this.processor = processor;
        this.wips = wips;
        this.collection = collection;
        this.ids = ids;
        this.jobId = jobId;
        this.fast = fast;
        this.maxSeconds = maxSeconds;
        this.sse = sse;
        this.deadline = maxSeconds == null ? null : Instant.now().plusSeconds(maxSeconds);
    }

    void run() {
        boolean complete = ids == null ? walkPending() : walkIds();
        if (sse.open()) {
            sse.send(complete ? "done" : "pause", id(), ProcessHandlers.totals(processed, succeeded, failed, skipped, complete));
        }
    }

    private boolean walkIds() {
        for (long id : ids) {
            if (!sse.open()) return false;
            if (outOfTime()) return false;
            Optional<WipProduct> p = wips.get(collection, id);
            if (p.isEmpty() || p.get().status() == Status.READY || p.get().status() == Status.FAILED
                    || p.get().status() == Status.CANCELLED) {
                skip(id, p.map(x -> x.status().id()).orElse("missing"));
                continue;
            }
            if (!processUntilDone(id)) return false;
        }
        return true;
    }

    private boolean walkPending() {
        while (sse.open() && !outOfTime()) {
            Optional<ProcessResult> r = once(null);
            if (r.isEmpty()) return true;
            if (!r.get().done() && !processUntilDone(r.get().wipId())) return false;
        }
        return false;
    }

    /** Processes one product to its end, calling again after {@code done: false}; false when time ran out. */
    private boolean processUntilDone(long id) {
        while (true) {
            Optional<ProcessResult> r;
            try {
                r = once(id);
            } catch (ApiException e) {
                if (e.status() != 409) throw e;
                skip(id, "held by another request");
                return true;
            }
            if (r.isEmpty() || r.get().done()) return true;
            if (outOfTime() || !sse.open()) return false;
            if (r.get().retryAfter() != null) {
                long wait = (long) (r.get().retryAfter() * 1000);
                if (deadline != null && Instant.now().plusMillis(wait).isAfter(deadline)) return false;
                pause(wait);
            }
        }
    }

    private Optional<ProcessResult> once(Long id) {
        Integer budget = deadline == null ? null : (int) Math.max(1, Duration.between(Instant.now(), deadline).toSeconds());
        Optional<ProcessResult> r = processor.processOne(collection,
                new ProcessRequest(id, fast, jobId, budget, false, false), sse::beat,
                e -> {
                    lastId = Math.max(lastId, e.id());
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("wip_id", e.wipId());
                    data.put("step", e.step());
                    data.put("state", e.state());
                    data.put("message", e.message());
                    data.put("percent", e.percent());
                    sse.send("step", id(), data);
                });
        r.filter(ProcessResult::done).ifPresent(res -> {
            processed++;
            if (res.success()) succeeded++;
            else failed++;
        });
        r.ifPresent(res -> sse.send("product", id(), res));
        return r;
    }

    private void skip(long id, String why) {
        skipped++;
        sse.send("skipped", id(), Map.of("wip_id", id, "reason", why));
    }

    private boolean outOfTime() {
        return deadline != null && !Instant.now().isBefore(deadline);
    }

    /** Waits on the request's own thread for a quota, keeping the stream alive. */
    private void pause(long ms) {
        long end = System.currentTimeMillis() + ms;
        try {
            while (System.currentTimeMillis() < end && sse.open()) {
                Thread.sleep(Math.min(1000, end - System.currentTimeMillis()));
                sse.beat();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String id() {
        return String.valueOf(lastId);
    }
}

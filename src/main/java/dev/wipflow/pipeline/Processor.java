package dev.wipflow.pipeline;

import dev.wipflow.wip.Step;
import dev.wipflow.run.BudgetSpent;
import dev.wipflow.run.RetryLater;
import dev.wipflow.run.StepFailure;
import dev.wipflow.run.RunContext;
import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.DomainException;
import dev.wipflow.pipeline.ProcessResult.StepRun;
import dev.wipflow.store.EventStore;
import dev.wipflow.store.JobStore;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.Job;
import dev.wipflow.wip.JobResult;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.StepError;
import dev.wipflow.wip.WipProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one product inside the calling request: claim (lease) → run the steps still to do, saving each
 * step's output before the next starts → release. Everything happens on the caller's thread.
 */
public final class Processor {
    private static final Logger log = LoggerFactory.getLogger(Processor.class);
    /** How many times in a row a step may be cut off (by the deadline, or its request killed) before it fails. */
    static final int MAX_STEP_TRIES = 3;

    private final WipStore wips;
    private final EventStore events;
    private final JobStore jobs;
    private final Map<Step, PipelineStep> steps;
    private final Duration lease;
    private final int defaultMaxSeconds;
    private final StepTimes times = new StepTimes();
    private final Clock clock;

    public Processor(WipStore wips, EventStore events, JobStore jobs, List<PipelineStep> steps, Duration lease,
                     int defaultMaxSeconds, Clock clock) {
        this.wips = wips;
        this.events = events;
        this.jobs = jobs;
        this.steps = new java.util.EnumMap<>(Step.class);
        steps.forEach(s -> this.steps.put(s.id(), s));
        if (this.steps.size() != Step.values().length) throw new IllegalArgumentException("every step needs a runner");
        this.lease = lease;
        this.defaultMaxSeconds = defaultMaxSeconds;
        this.clock = clock;
    }

    /** Processes the product asked for, or the next waiting one; empty when nothing is waiting. */
    public Optional<ProcessResult> processOne(String collection, ProcessRequest req, RunContext.Heartbeat heartbeat,
                                              ProgressListener listener) {
        Job job = req.jobId() == null ? null : activeJob(collection, req.jobId(), req.wipId());
        if (req.dryRun()) return Optional.of(dryRun(collection, req, heartbeat));
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Optional<WipProduct> claimed;
        if (req.wipId() != null) {
            WipProduct p = wips.get(collection, req.wipId())
                    .orElseThrow(() -> DomainException.notFound("no product " + req.wipId() + " in collection " + collection));
            if (p.status() == Status.READY && !req.force()) return Optional.of(unchanged(p, req.jobId()));
            if (p.status() == Status.CANCELLED) {
                throw DomainException.conflict("product " + p.id() + " is cancelled; reset it to process it again");
            }
            claimed = wips.claim(collection, p.id(), token, now.plus(lease), now, p.status() == Status.FAILED, req.force());
            if (claimed.isEmpty()) {
                throw DomainException.conflict("product " + p.id() + " is being processed by another request");
            }
        } else if (job != null) {
            jobs.started(job.jobId());
            claimed = claimForJob(collection, job, token, now);
        } else {
            claimed = wips.claimNext(collection, token, now.plus(lease), now);
        }
        if (claimed.isEmpty()) return Optional.empty();
        if (job != null) jobs.started(job.jobId());
        return Optional.of(run(claimed.get(), token, req, heartbeat, listener));
    }

    private ProcessResult run(WipProduct start, String token, ProcessRequest req, RunContext.Heartbeat heartbeat,
                              ProgressListener listener) {
        Instant began = clock.instant();
        Instant deadline = deadline(req, began);
        RunContext ctx = new RunContext(deadline, req.fastMode(), heartbeat);
        List<StepRun> ran = new ArrayList<>();
        WipProduct p = start;
        Step step = Step.after(p.step());
        while (step != null) {
            if (cancelled(p, req.jobId())) {
                log(p, req.jobId(), step, "cancelled", "cancelled before " + step.id(), listener);
                return finish(p, token, Status.CANCELLED, null, ctx, ran, began, req.jobId(), null, null);
            }
            boolean mayOverrun = ran.isEmpty() && req.firstInRequest();
            if (deadline != null && !mayOverrun && !ctx.fits(times.estimate(step))) {
                return finish(p, token, Status.PENDING, null, ctx, ran, began, req.jobId(), step, null);
            }
            int tries = wips.startStep(p.id(), token, clock.instant());
            if (tries < 0) throw DomainException.conflict("product " + p.id() + " was taken over by another request (lease expired)");
            long t0 = System.nanoTime();
            if (tries > MAX_STEP_TRIES) {
                return failed(p, token, step, tooLong(step, tries - 1, req), ctx, ran, t0, began, req.jobId(), listener);
            }
            log(p, req.jobId(), step, "started", null, listener);
            try {
                WipStore.Checkpoint out = steps.get(step).run(p, ctx);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                Instant now = clock.instant();
                if (!wips.checkpoint(p.id(), token, step, out, now.plus(lease), now)) {
                    log(p, req.jobId(), step, "failed", "lease lost: another request took this product over", listener);
                    throw DomainException.conflict("product " + p.id() + " was taken over by another request (lease expired)");
                }
                times.record(step, ms);
                ran.add(new StepRun(step, ms, true));
                log(p, req.jobId(), step, "finished", ms + " ms", listener);
                p = reload(p);
            } catch (RetryLater e) {
                ran.add(new StepRun(step, (System.nanoTime() - t0) / 1_000_000, false));
                log(p, req.jobId(), step, "waiting", e.getMessage(), listener);
                return finish(p, token, Status.PENDING, null, ctx, ran, began, req.jobId(), step,
                        e.after().toMillis() / 1000.0);
            } catch (BudgetSpent e) {
                return cut(p, token, step, tries, e.getMessage(), ctx, ran, t0, began, req, listener);
            } catch (StepFailure e) {
                if (ctx.expired()) return cut(p, token, step, tries, e.getMessage(), ctx, ran, t0, began, req, listener);
                return failed(p, token, step, e.getMessage(), ctx, ran, t0, began, req.jobId(), listener);
            } catch (DomainException e) {
                throw e;
            } catch (RuntimeException e) {
                if (ctx.expired()) return cut(p, token, step, tries, e.toString(), ctx, ran, t0, began, req, listener);
                log.error("step {} of product {} failed unexpectedly", step.id(), p.id(), e);
                return failed(p, token, step, "internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), ctx, ran, t0, began, req.jobId(), listener);
            }
            step = step.next();
            if (step == Step.CLEAN && p.rowNum() == null) {
                // Write-ahead: if the append's answer is lost, the next attempt looks for the row first.
                Instant now = clock.instant();
                wips.mark(p.id(), token, "append_pending", 1, now.plus(lease), now);
            }
        }
        return finish(p, token, Status.READY, null, ctx, ran, began, req.jobId(), null, null);
    }

    /**
     * The request's own deadline cut a step short: never the product's failure. It stays at this step for the next
     * call, unless the step has now been cut {@link #MAX_STEP_TRIES} times in a row and so cannot fit the budget.
     */
    private ProcessResult cut(WipProduct p, String token, Step step, int tries, String why, RunContext ctx,
                              List<StepRun> ran, long t0, Instant began, ProcessRequest req, ProgressListener listener) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        times.recordAtLeast(step, ms);
        if (tries >= MAX_STEP_TRIES) {
            return failed(p, token, step, tooLong(step, tries, req), ctx, ran, t0, began, req.jobId(), listener);
        }
        ran.add(new StepRun(step, ms, false));
        log(p, req.jobId(), step, "paused", "cut off when the request's time ran out (" + why + "); the next call does it again",
                listener);
        return finish(p, token, Status.PENDING, null, ctx, ran, began, req.jobId(), step, null);
    }

    private String tooLong(Step step, int tries, ProcessRequest req) {
        int budget = req.maxSeconds() != null ? req.maxSeconds() : defaultMaxSeconds;
        String of = budget > 0 ? "the request budget of " + budget + " s" : "the time the host gives a request";
        return step.id() + " needs longer than " + of + ": it was started " + tries + " times in a row and cut off each"
                + " time. Give requests more time (max_seconds, MAX_SECONDS, or the host's request timeout)";
    }

    private ProcessResult failed(WipProduct p, String token, Step step, String message, RunContext ctx, List<StepRun> ran,
                                 long t0, Instant began, String jobId, ProgressListener listener) {
        ran.add(new StepRun(step, (System.nanoTime() - t0) / 1_000_000, false));
        log(p, jobId, step, "failed", message, listener);
        return finish(p, token, Status.FAILED, new StepError(step.id(), message), ctx, ran, began, jobId, null, null);
    }

    private ProcessResult finish(WipProduct p, String token, Status status, StepError error, RunContext ctx,
                                 List<StepRun> ran, Instant began, String jobId, Step next, Double retryAfter) {
        Instant now = clock.instant();
        // A step cut by the deadline (or not started for lack of time) keeps its count of tries; anything else ends it.
        boolean keepTries = status == Status.PENDING && retryAfter == null;
        wips.release(p.id(), token, status, error, ctx.warnings(), ctx.sheetCalls(), ctx.llmTokens(), keepTries, now);
        WipProduct after = wips.get(p.collection(), p.id()).orElse(p);
        double seconds = Duration.between(began, now).toMillis() / 1000.0;
        boolean done = status != Status.PENDING;
        if (jobId != null && done) {
            jobs.record(jobId, new JobResult(after.id(), after.sku(), after.rowNum(), status == Status.READY,
                    extracted(after), seconds, error == null ? (status == Status.CANCELLED ? "cancelled" : null) : error.message()));
        }
        return new ProcessResult(status != Status.FAILED && status != Status.CANCELLED, after.id(), after.sku(),
                after.rowNum(), seconds, extracted(after), after.status().id(), done,
                status == Status.READY ? null : next != null ? next : after.nextStep(), retryAfter,
                ran, error, ctx.sheetCalls(), ctx.llmTokens(), ctx.warnings(), jobId, null, null, null);
    }

    private ProcessResult unchanged(WipProduct p, String jobId) {
        return new ProcessResult(true, p.id(), p.sku(), p.rowNum(), 0, extracted(p), p.status().id(), true, null, null,
                List.of(), null, 0, 0, p.warnings(), jobId, null, null, null);
    }

    private ProcessResult dryRun(String collection, ProcessRequest req, RunContext.Heartbeat heartbeat) {
        WipProduct p = req.wipId() != null
                ? wips.get(collection, req.wipId()).orElseThrow(() -> DomainException.notFound("no product " + req.wipId()))
                : wips.list(collection, Status.PENDING, null, 1, 0).stream().findFirst()
                        .orElseThrow(() -> DomainException.notFound("no pending product to preview in " + collection));
        Instant began = clock.instant();
        RunContext ctx = new RunContext(deadline(req, began), req.fastMode(), heartbeat);
        List<StepRun> ran = new ArrayList<>();
        ProductFields fields = null;
        Descriptions descriptions = null;
        StepError error = null;
        long t0 = System.nanoTime();
        try {
            fields = ((ExtractStep) steps.get(Step.EXTRACT)).extract(p.url(), ctx);
            ran.add(new StepRun(Step.EXTRACT, (System.nanoTime() - t0) / 1_000_000, true));
            t0 = System.nanoTime();
            descriptions = ((DescribeStep) steps.get(Step.DESCRIBE)).describe(fields, ctx);
            ran.add(new StepRun(Step.DESCRIBE, (System.nanoTime() - t0) / 1_000_000, true));
        } catch (StepFailure | RetryLater | BudgetSpent e) {
            Step at = fields == null ? Step.EXTRACT : Step.DESCRIBE;
            ran.add(new StepRun(at, (System.nanoTime() - t0) / 1_000_000, false));
            error = new StepError(at.id(), e.getMessage());
        }
        double seconds = Duration.between(began, clock.instant()).toMillis() / 1000.0;
        return new ProcessResult(error == null, p.id(), p.sku(), p.rowNum(), seconds,
                fields == null ? List.of() : fields.present(), p.status().id(), true, null, null, ran, error,
                ctx.sheetCalls(), ctx.llmTokens(), ctx.warnings(), req.jobId(), true, fields, descriptions);
    }

    /**
     * The job's next product, in the job's order: waiting ones first, then the job's failed ones, each tried once
     * within the job. Products that need no work (finished, cancelled, deleted) are recorded as results, so that a
     * job over them completes; a job whose products were all deleted cannot go on and is {@code failed}.
     */
    private Optional<WipProduct> claimForJob(String collection, Job job, String token, Instant now) {
        Set<Long> done = new HashSet<>();
        job.results().forEach(r -> done.add(r.wipId()));
        List<Long> failed = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (long id : job.wipIds()) {
            if (done.contains(id)) continue;
            Optional<WipProduct> found = wips.get(collection, id);
            if (found.isEmpty()) {
                missing.add(id);
                continue;
            }
            WipProduct p = found.get();
            switch (p.status()) {
                case READY -> jobs.record(job.jobId(), result(p, true, null, 0));
                case CANCELLED -> jobs.record(job.jobId(), result(p, false, "cancelled", 0));
                case FAILED -> failed.add(id);
                default -> {
                    Optional<WipProduct> claimed = wips.claim(collection, id, token, now.plus(lease), now, false, false);
                    if (claimed.isPresent()) return claimed;
                }
            }
        }
        for (long id : failed) {
            Optional<WipProduct> claimed = wips.claim(collection, id, token, now.plus(lease), now, true, false);
            if (claimed.isPresent()) return claimed;
        }
        if (!missing.isEmpty() && missing.size() == job.wipIds().size()) {
            jobs.fail(job.jobId(), "every product of this job was deleted");
        } else {
            for (long id : missing) {
                jobs.record(job.jobId(), new JobResult(id, "", null, false, List.of(), 0, "the product was deleted"));
            }
        }
        return Optional.empty();
    }

    private static JobResult result(WipProduct p, boolean success, String error, double seconds) {
        return new JobResult(p.id(), p.sku(), p.rowNum(), success, extracted(p), seconds, error);
    }

    private Instant deadline(ProcessRequest req, Instant began) {
        if (req.deadline() != null) return req.deadline();
        int maxSeconds = req.maxSeconds() != null ? req.maxSeconds() : defaultMaxSeconds;
        return maxSeconds > 0 ? began.plusSeconds(maxSeconds) : null;
    }

    private Job activeJob(String collection, String jobId, Long wipId) {
        Job job = jobs.get(collection, jobId).orElseThrow(() -> DomainException.notFound("no job " + jobId + " in " + collection));
        if ("cancelled".equals(job.status())) throw DomainException.conflict("job " + jobId + " is cancelled");
        if ("failed".equals(job.status())) throw DomainException.conflict("job " + jobId + " failed: " + job.error());
        if (wipId != null && !job.wipIds().contains(wipId)) {
            throw DomainException.invalid("product " + wipId + " is not part of job " + jobId, Map.of("wip_id", wipId));
        }
        return job;
    }

    private boolean cancelled(WipProduct p, String jobId) {
        return wips.cancelRequested(p.id()) || (jobId != null && jobs.isCancelled(jobId));
    }

    private WipProduct reload(WipProduct p) {
        return wips.get(p.collection(), p.id()).orElseThrow(() -> new StepFailure("the product was deleted while it ran"));
    }

    private void log(WipProduct p, String jobId, Step step, String state, String message, ProgressListener listener) {
        listener.onEvent(events.append(p.id(), jobId, step.id(), state, message,
                "finished".equals(state) ? step.percent() : null));
    }

    private static List<String> extracted(WipProduct p) {
        return p.fields() == null ? List.of() : p.fields().present();
    }
}

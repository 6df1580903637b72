package dev.wipflow.process;

import dev.wipflow.pipeline.Pipeline;
import dev.wipflow.process.ProcessResult.StepRun;
import dev.wipflow.run.BudgetSpent;
import dev.wipflow.run.RetryLater;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.sheet.OneRowPerSku;
import dev.wipflow.store.EventStore;
import dev.wipflow.store.JobStore;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps a leased product still has to do, saving each step's output (and extending the lease) before the
 * next starts. Between steps it stops for a cancellation, and for a step that does not fit what is left of the
 * request's budget; a step the deadline cuts short stays to do, unless it was cut {@link #MAX_STEP_TRIES} times in
 * a row. Everything happens on the caller's thread.
 */
final class StepRunner {
    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);
    /** How many times in a row a step may be cut off (by the deadline, or its request killed) before it fails. */
    static final int MAX_STEP_TRIES = 3;

    private final WipStore wips;
    private final EventStore events;
    private final JobStore jobs;
    private final Pipeline pipeline;
    private final Answers answers;
    private final Duration lease;
    private final int defaultMaxSeconds;
    private final StepTimes times;
    private final Clock clock;

    StepRunner(WipStore wips, EventStore events, JobStore jobs, Pipeline pipeline, Answers answers, Duration lease,
               int defaultMaxSeconds, StepTimes times, Clock clock) {
        this.wips = wips;
        this.events = events;
        this.jobs = jobs;
        this.pipeline = pipeline;
        this.answers = answers;
        this.lease = lease;
        this.defaultMaxSeconds = defaultMaxSeconds;
        this.times = times;
        this.clock = clock;
    }

    ProcessResult run(WipProduct start, String token, ProcessRequest req, RunContext.Heartbeat heartbeat,
                      ProgressListener listener) {
        Instant began = clock.instant();
        Instant deadline = req.endsAt(began, defaultMaxSeconds);
        RunContext ctx = new RunContext(deadline, req.fastMode(), heartbeat);
        ProductRun run = new ProductRun(start, token, ctx, new ArrayList<>(), began, req, listener);
        Step step = Step.after(start.step());
        while (step != null) {
            WipProduct p = run.product();
            if (cancelled(p, req.jobId())) {
                log(run, step, "cancelled", "cancelled before " + step.id());
                return answers.finish(run, Ending.cancelled());
            }
            boolean mayOverrun = run.ran().isEmpty() && req.firstInRequest();
            if (deadline != null && !mayOverrun && !ctx.fits(times.estimate(step))) {
                return answers.finish(run, Ending.paused(step));
            }
            int tries = wips.startStep(p.id(), token, clock.instant());
            if (tries < 0) throw takenOver(p);
            long t0 = System.nanoTime();
            if (tries > MAX_STEP_TRIES) return failed(run, step, tooLong(step, tries - 1, req), t0);
            log(run, step, "started", null);
            try {
                run = run.at(complete(run, step, t0));
            } catch (RetryLater e) {
                run.ran().add(new StepRun(step, msSince(t0), false));
                log(run, step, "waiting", e.getMessage());
                return answers.finish(run, Ending.waiting(step, e.after()));
            } catch (BudgetSpent e) {
                return cut(run, step, tries, e.getMessage(), t0);
            } catch (StepFailure e) {
                if (ctx.expired()) return cut(run, step, tries, e.getMessage(), t0);
                return failed(run, step, e.getMessage(), t0);
            } catch (DomainException e) {
                throw e;
            } catch (RuntimeException e) {
                if (ctx.expired()) return cut(run, step, tries, e.toString(), t0);
                log.error("step {} of product {} failed unexpectedly", step.id(), p.id(), e);
                return failed(run, step, "internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), t0);
            }
            step = step.next();
            if (step != null && OneRowPerSku.noteBeforeAppend(run.product(), pipeline.step(step).appendsRow())) {
                Instant now = clock.instant();
                wips.noteAppend(run.product().id(), token, now.plus(lease), now);
            }
        }
        return answers.finish(run, Ending.finished(run.product()));
    }

    /** Runs one step and saves its output with the checkpoint; the product as the step left it. */
    private WipProduct complete(ProductRun run, Step step, long t0) {
        WipProduct p = run.product();
        StepOutput out = pipeline.step(step).run(p, run.ctx());
        if (out.step() != step) throw new IllegalStateException(step.id() + " returned the output of " + out.step().id());
        long ms = msSince(t0);
        Instant now = clock.instant();
        if (!wips.checkpoint(p.id(), run.token(), out, now.plus(lease), now)) {
            log(run, step, "failed", "lease lost: another request took this product over");
            throw takenOver(p);
        }
        times.record(step, ms);
        run.ran().add(new StepRun(step, ms, true));
        log(run, step, "finished", ms + " ms");
        return wips.get(p.collection(), p.id()).orElseThrow(() -> new StepFailure("the product was deleted while it ran"));
    }

    /**
     * The request's own deadline cut a step short: never the product's failure. It stays at this step for the next
     * call, unless the step has now been cut {@link #MAX_STEP_TRIES} times in a row and so cannot fit the budget.
     */
    private ProcessResult cut(ProductRun run, Step step, int tries, String why, long t0) {
        long ms = msSince(t0);
        times.recordAtLeast(step, ms);
        if (tries >= MAX_STEP_TRIES) return failed(run, step, tooLong(step, tries, run.req()), t0);
        run.ran().add(new StepRun(step, ms, false));
        log(run, step, "paused", "cut off when the request's time ran out (" + why + "); the next call does it again");
        return answers.finish(run, Ending.paused(step));
    }

    private ProcessResult failed(ProductRun run, Step step, String message, long t0) {
        run.ran().add(new StepRun(step, msSince(t0), false));
        log(run, step, "failed", message);
        return answers.finish(run, Ending.failed(step, message));
    }

    private String tooLong(Step step, int tries, ProcessRequest req) {
        int budget = req.budgetSeconds(defaultMaxSeconds);
        String of = budget > 0 ? "the request budget of " + budget + " s" : "the time the host gives a request";
        return step.id() + " needs longer than " + of + ": it was started " + tries + " times in a row and cut off each"
                + " time. Give requests more time (max_seconds, MAX_SECONDS, or the host's request timeout)";
    }

    private boolean cancelled(WipProduct p, String jobId) {
        return wips.cancelRequested(p.id()) || (jobId != null && jobs.isCancelled(jobId));
    }

    private static DomainException takenOver(WipProduct p) {
        return DomainException.conflict("product " + p.id() + " was taken over by another request (lease expired)");
    }

    private void log(ProductRun run, Step step, String state, String message) {
        run.listener().onEvent(events.append(run.product().id(), run.jobId(), step.id(), state, message,
                "finished".equals(state) ? step.percent() : null));
    }

    private static long msSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}

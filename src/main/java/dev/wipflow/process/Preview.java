package dev.wipflow.process;

import dev.wipflow.pipeline.Pipeline;
import dev.wipflow.process.ProcessResult.StepRun;
import dev.wipflow.run.BudgetSpent;
import dev.wipflow.run.RetryLater;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.DomainException;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepError;
import dev.wipflow.wip.WipProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A dry run: extracts and describes a product without taking its lease, saving anything or touching the sheet, and
 * answers with what it found.
 */
final class Preview {
    private final WipStore wips;
    private final Pipeline pipeline;
    private final int defaultMaxSeconds;
    private final Clock clock;

    Preview(WipStore wips, Pipeline pipeline, int defaultMaxSeconds, Clock clock) {
        this.wips = wips;
        this.pipeline = pipeline;
        this.defaultMaxSeconds = defaultMaxSeconds;
        this.clock = clock;
    }

    /** What extract and describe made of the product; {@code error} names the one that failed. */
    record Outcome(ProductFields fields, Descriptions descriptions, StepError error, List<StepRun> steps) {
    }

    /** Previews the product asked for, or the collection's first waiting one. */
    ProcessResult preview(String collection, ProcessRequest req, RunContext.Heartbeat heartbeat) {
        WipProduct p = req.wipId() != null
                ? wips.get(collection, req.wipId()).orElseThrow(() -> DomainException.notFound("no product " + req.wipId()))
                : wips.list(collection, Status.PENDING, null, 1, 0).stream().findFirst()
                        .orElseThrow(() -> DomainException.notFound("no pending product to preview in " + collection));
        Instant began = clock.instant();
        RunContext ctx = new RunContext(req.endsAt(began, defaultMaxSeconds), req.fastMode(), heartbeat);
        Outcome outcome = run(p, ctx);
        double seconds = Duration.between(began, clock.instant()).toMillis() / 1000.0;
        return ProcessResult.preview(p, outcome, ctx, req.jobId(), seconds);
    }

    private Outcome run(WipProduct p, RunContext ctx) {
        List<StepRun> ran = new ArrayList<>();
        ProductFields fields = null;
        long t0 = System.nanoTime();
        try {
            fields = pipeline.extract().extract(p.url(), p.sku(), ctx);
            ran.add(new StepRun(Step.EXTRACT, msSince(t0), true));
            t0 = System.nanoTime();
            Descriptions descriptions = pipeline.describe().describe(fields, ctx);
            ran.add(new StepRun(Step.DESCRIBE, msSince(t0), true));
            return new Outcome(fields, descriptions, null, ran);
        } catch (StepFailure | RetryLater | BudgetSpent e) {
            Step at = fields == null ? Step.EXTRACT : Step.DESCRIBE;
            ran.add(new StepRun(at, msSince(t0), false));
            return new Outcome(fields, null, new StepError(at.id(), e.getMessage()), ran);
        }
    }

    private static long msSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}

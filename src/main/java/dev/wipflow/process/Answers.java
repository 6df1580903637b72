package dev.wipflow.process;

import dev.wipflow.run.RunContext;
import dev.wipflow.store.JobStore;
import dev.wipflow.store.WipStore;
import dev.wipflow.wip.JobResult;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.WipProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Ends a product's run: releases its lease, records the product in its job when it is done, and answers. */
final class Answers {
    private final WipStore wips;
    private final JobStore jobs;
    private final Clock clock;

    Answers(WipStore wips, JobStore jobs, Clock clock) {
        this.wips = wips;
        this.jobs = jobs;
        this.clock = clock;
    }

    ProcessResult finish(ProductRun run, Ending end) {
        Instant now = clock.instant();
        WipProduct p = run.product();
        RunContext ctx = run.ctx();
        wips.release(p.id(), run.token(), end.status(), end.error(), ctx.warnings(), ctx.sheetCalls(), ctx.llmTokens(),
                end.keepsTries(), now);
        WipProduct after = wips.get(p.collection(), p.id()).orElse(p);
        double seconds = Duration.between(run.began(), now).toMillis() / 1000.0;
        if (run.jobId() != null && end.done()) {
            jobs.record(run.jobId(), new JobResult(after.id(), after.sku(), after.rowNum(), end.status() == Status.READY,
                    ProcessResult.extracted(after), seconds, end.jobError(after), end.status().id(), after.sheetWrite()));
        }
        return ProcessResult.ran(after, end, run, seconds);
    }
}

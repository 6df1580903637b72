package dev.wipflow.process;

import dev.wipflow.process.ProcessResult.StepRun;
import dev.wipflow.run.RunContext;
import dev.wipflow.wip.WipProduct;
import java.time.Instant;
import java.util.List;

/**
 * One product's run inside one request: the product as its last checkpoint left it, the lease token, the run's
 * context (budget, tallies), the steps run so far, when it began, what was asked and who hears its events.
 */
record ProductRun(WipProduct product, String token, RunContext ctx, List<StepRun> ran, Instant began,
                  ProcessRequest req, ProgressListener listener) {

    String jobId() {
        return req.jobId();
    }

    /** The same run, with the product as the step just finished left it. */
    ProductRun at(WipProduct now) {
        return new ProductRun(now, token, ctx, ran, began, req, listener);
    }
}

package dev.wipflow.pipeline;

import dev.wipflow.wip.Step;
import dev.wipflow.run.RunContext;
import dev.wipflow.store.WipStore.Checkpoint;
import dev.wipflow.wip.WipProduct;

/** One step of the pipeline: reads the product as the earlier steps left it, returns what to save. */
public interface PipelineStep {
    Step id();

    Checkpoint run(WipProduct product, RunContext ctx);
}

package dev.wipflow.pipeline;

import dev.wipflow.run.RunContext;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;

/** One step of the pipeline: reads the product as the earlier steps left it, returns what to save. */
public interface PipelineStep {
    Step id();

    StepOutput run(WipProduct product, RunContext ctx);

    /** True when this step appends the row of a product that has none yet (see {@code sheet.OneRowPerSku}). */
    default boolean appendsRow() {
        return false;
    }
}

package dev.wipflow.pipeline;

import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;

/** {@code finalize}: marks the row ready in the sheet and keeps the row's final (cleaned) values. */
public final class FinalizeStep implements PipelineStep {
    private final ProductSheet sheet;

    public FinalizeStep(ProductSheet sheet) {
        this.sheet = sheet;
    }

    @Override
    public Step id() {
        return Step.FINALIZE;
    }

    @Override
    public StepOutput.Finalized run(WipProduct p, RunContext ctx) {
        if (p.rowNum() == null) throw new StepFailure("the product has no sheet row; reset it from clean");
        return new StepOutput.Finalized(sheet.finalizeRow(p.collection(), p.rowNum(), "ready", ctx));
    }
}

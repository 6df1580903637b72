package dev.wipflow.pipeline;

import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.sheet.ProductSheet;
import dev.wipflow.wip.Review;
import dev.wipflow.wip.Status;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;
import java.util.List;

/**
 * {@code finalize}: marks the row {@code ready}, or {@code review} when it is not fit to publish (see {@link Review}),
 * and keeps the row's final (cleaned) values. A row in review never goes out as ready.
 */
public final class FinalizeStep implements PipelineStep {
    private final ProductSheet sheet;
    private final Review review;

    public FinalizeStep(ProductSheet sheet, Review review) {
        this.sheet = sheet;
        this.review = review;
    }

    @Override
    public Step id() {
        return Step.FINALIZE;
    }

    @Override
    public StepOutput.Finalized run(WipProduct p, RunContext ctx) {
        if (p.rowNum() == null) throw new StepFailure("the product has no sheet row; reset it from clean");
        List<String> missing = review.missing(p.fields());
        String status = (missing.isEmpty() ? Status.READY : Status.REVIEW).id();
        return new StepOutput.Finalized(sheet.finalizeRow(p.collection(), p.rowNum(), status, ctx), missing);
    }
}

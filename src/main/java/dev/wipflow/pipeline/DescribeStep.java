package dev.wipflow.pipeline;

import dev.wipflow.describe.Describer;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;

/** {@code describe}: writes the descriptions; {@code fast_mode} uses the templates instead of an LLM. */
public final class DescribeStep implements PipelineStep {
    private final Describer describer;
    private final Describer fast;

    public DescribeStep(Describer describer, Describer fast) {
        this.describer = describer;
        this.fast = fast;
    }

    @Override
    public Step id() {
        return Step.DESCRIBE;
    }

    @Override
    public StepOutput.Described run(WipProduct p, RunContext ctx) {
        if (p.fields() == null) throw new StepFailure("no extracted fields to describe; reset the product from extract");
        return new StepOutput.Described(describe(p.fields(), ctx));
    }

    /** Describes the fields; shared with dry runs. */
    public Descriptions describe(ProductFields fields, RunContext ctx) {
        return (ctx.fastMode() ? fast : describer).describe(fields, ctx);
    }
}

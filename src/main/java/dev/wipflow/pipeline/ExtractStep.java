package dev.wipflow.pipeline;

import dev.wipflow.extract.Extractor;
import dev.wipflow.run.RunContext;
import dev.wipflow.run.StepFailure;
import dev.wipflow.wip.ProductFields;
import dev.wipflow.wip.Step;
import dev.wipflow.wip.StepOutput;
import dev.wipflow.wip.WipProduct;
import java.util.List;

/**
 * {@code extract}: fetches the supplier page and extracts the product's fields; a value a person set ({@code manual}
 * or {@code sheet}) stays as it is.
 */
public final class ExtractStep implements PipelineStep {
    /** Without these a row is useless; anything else missing is a warning. */
    private static final List<String> REQUIRED = List.of("title");
    /** What a row should have: each one missing is one warning (the only place that warns about missing fields). */
    private static final List<String> EXPECTED = List.of("price", "currency", "brand", "images", "description", "sku");

    private final Extractor extractor;

    public ExtractStep(Extractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public Step id() {
        return Step.EXTRACT;
    }

    @Override
    public StepOutput.Extracted run(WipProduct p, RunContext ctx) {
        return new StepOutput.Extracted(extract(p.url(), ctx).withPersonValuesFrom(p.fields()));
    }

    /** Extracts and checks the result; shared with dry runs. */
    public ProductFields extract(String url, RunContext ctx) {
        ProductFields fields = extractor.extract(url, ctx);
        for (String name : REQUIRED) {
            if (!fields.has(name)) throw new StepFailure("no product " + name + " found on " + url);
        }
        for (String name : EXPECTED) {
            if (!fields.has(name)) ctx.warn("extract: no " + name + " found on " + url);
        }
        return fields;
    }
}

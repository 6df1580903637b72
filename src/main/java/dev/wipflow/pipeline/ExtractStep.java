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

    /**
     * The page's fields, joined by the values of the supplier's document the product came from
     * ({@link DocumentValues}); without a URL the document's values are all there is (nothing is fetched). The values
     * a person set on the product are kept over both (never overwritten).
     */
    @Override
    public StepOutput.Extracted run(WipProduct p, RunContext ctx) {
        if (p.url() == null || p.url().isBlank()) return new StepOutput.Extracted(fromDocument(p, ctx));
        ProductFields page = extractor.extract(p.url(), p.sku(), ctx);
        return new StepOutput.Extracted(checked(DocumentValues.combine(p.documentFields(), page, ctx::warn)
                .withPersonValuesFrom(p.fields()), p.url(), ctx));
    }

    private static ProductFields fromDocument(WipProduct p, RunContext ctx) {
        ProductFields fields = p.documentFields() == null ? ProductFields.empty() : p.documentFields();
        fields = fields.withPersonValuesFrom(p.fields());
        if (!fields.has("title")) throw new StepFailure("no URL to read and the document gives no title for " + p.sku());
        for (String name : EXPECTED) {
            if (!fields.has(name) && !name.equals("sku")) ctx.warn("extract: no " + name + " in the document (no URL to read)");
        }
        return fields;
    }

    /** Extracts and checks the result; shared with dry runs. */
    public ProductFields extract(String url, String sku, RunContext ctx) {
        return checked(extractor.extract(url, sku, ctx), url, ctx);
    }

    private static ProductFields checked(ProductFields fields, String url, RunContext ctx) {
        for (String name : REQUIRED) {
            if (!fields.has(name)) throw new StepFailure("no product " + name + " found on " + url);
        }
        for (String name : EXPECTED) {
            if (!fields.has(name)) ctx.warn("extract: no " + name + " found on " + url);
        }
        return fields;
    }
}

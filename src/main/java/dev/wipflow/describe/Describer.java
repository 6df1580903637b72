package dev.wipflow.describe;

import dev.wipflow.extract.ProductFields;
import dev.wipflow.pipeline.RunContext;

/** Writes a product's descriptions from its extracted fields. */
public interface Describer {
    Descriptions describe(ProductFields fields, RunContext ctx);

    /** Short name for {@code /api/health}. */
    String name();
}

package dev.wipflow.describe;

import dev.wipflow.run.RunContext;
import dev.wipflow.wip.Descriptions;
import dev.wipflow.wip.ProductFields;

/** Writes a product's descriptions from its extracted fields. */
public interface Describer {
    Descriptions describe(ProductFields fields, RunContext ctx);

    /** Short name for {@code /api/health}. */
    String name();
}

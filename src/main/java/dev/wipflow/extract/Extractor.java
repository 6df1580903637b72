package dev.wipflow.extract;

import dev.wipflow.run.RunContext;
import dev.wipflow.wip.ProductFields;

/** Turns a product URL into {@link ProductFields}: fetch, then structured data, heuristics and (optionally) an LLM. */
public interface Extractor {
    ProductFields extract(String url, RunContext ctx);

    /** Short name for {@code /api/health}. */
    String name();
}

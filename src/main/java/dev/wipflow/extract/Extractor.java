package dev.wipflow.extract;

import dev.wipflow.run.RunContext;
import dev.wipflow.wip.ProductFields;

/** Turns a product URL into {@link ProductFields}: fetch, then structured data, heuristics and (optionally) an LLM. */
public interface Extractor {
    /** The fields of the product {@code sku} on the page: with several variants on it, that SKU's variant's values. */
    ProductFields extract(String url, String sku, RunContext ctx);

    /** The fields of the page's product, its first or {@code ?variant=} variant when it sells several. */
    default ProductFields extract(String url, RunContext ctx) {
        return extract(url, null, ctx);
    }

    /** Short name for {@code /api/health}. */
    String name();
}
